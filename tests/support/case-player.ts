import type { FrameLocator } from 'playwright-core';
import type { MicroCase, Question } from '../../core/micro-case/micro-case-schema';
import { questionBody, variantsOf } from '../../core/micro-case/question-variants';

/**
 * Answers the question on screen with its correct option, in whichever version the player
 * chose for the learner's mastery (standard, easier or harder): checks it and moves on.
 */
export async function answerCorrectly(app: FrameLocator, question: Question): Promise<void> {
  await app.getByRole('button', { name: 'Check answer' }).waitFor();
  let shown = question.options;
  for (const variant of variantsOf(question)) {
    const body = questionBody(question, variant);
    if (body && (await app.getByRole('group', { name: body.prompt.en, exact: true }).count()) > 0) {
      shown = body.options;
      break;
    }
  }
  await app.getByRole('radio', { name: shown.find((o) => o.correct)!.text.en }).check();
  await app.getByRole('button', { name: 'Check answer' }).click();
  await app.getByRole('button', { name: /^(Next question|See key points)$/ }).click();
}

/**
 * Plays `microCase` in the framed app the way a clinician would: starts it from the picker,
 * picks each correct answer, and documents the application to practice. Stops before "Finish".
 */
export async function playCaseToTheEnd(app: FrameLocator, microCase: MicroCase): Promise<void> {
  await app.getByRole('button', { name: `Start case: ${microCase.title.en}` }).click();
  for (const question of microCase.questions) await answerCorrectly(app, question);
  await documentApplication(app);
}

/** Fills the application to practice of the point-of-care reflection. */
export async function documentApplication(app: FrameLocator): Promise<void> {
  await app
    .getByRole('textbox', { name: /Application to practice/ })
    .fill('Repeat the lactate within 2–4 hours when the first is raised.');
}
