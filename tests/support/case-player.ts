import type { FrameLocator } from 'playwright-core';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';

/**
 * Plays `microCase` in the framed app the way a clinician would: starts it from the picker,
 * picks each correct answer, and documents the application to practice. Stops before "Finish".
 */
export async function playCaseToTheEnd(app: FrameLocator, microCase: MicroCase): Promise<void> {
  await app.getByRole('button', { name: `Start case: ${microCase.title.en}` }).click();
  for (const question of microCase.questions) {
    await app
      .getByRole('radio', { name: question.options.find((o) => o.correct)!.text.en })
      .check();
    await app.getByRole('button', { name: 'Check answer' }).click();
    await app.getByRole('button', { name: /^(Next question|See key points)$/ }).click();
  }
  await app
    .getByRole('textbox', { name: /Application to practice/ })
    .fill('Repeat the lactate within 2–4 hours when the first is raised.');
}
