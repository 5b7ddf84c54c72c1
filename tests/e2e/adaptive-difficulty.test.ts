import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { QuestionnaireResponse } from 'fhir/r4';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { loadCaseLibrary } from '../../server/library/case-library';
import { answerCorrectly, documentApplication } from '../support/case-player';
import { freshPage, launchChromium } from '../support/chromium';
import { learnerSession } from '../support/learner-session';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;
let aki: MicroCase;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } }),
    launchChromium(),
  ]);
  aki = (
    await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' })
  ).cases.find((c) => c.id === 'aki-kdigo-recognition')!;
});
afterAll(async () => {
  await browser.close();
  await stack.close();
});

/** The clinician answered the AKI definition twice, right and very sure: FSRS says well retained. */
async function masterDefinitionPoint(): Promise<void> {
  const session = await learnerSession(stack, 'walter-novak');
  const definition = aki.questions[0]!;
  for (let i = 0; i < 2; i += 1) {
    const response = await fetch(`${stack.appUrl}/api/reviews`, {
      method: 'POST',
      headers: session.headers,
      body: JSON.stringify({
        reviewId: crypto.randomUUID(),
        caseId: aki.id,
        caseVersion: aki.version,
        questionId: definition.id,
        optionId: definition.options.find((o) => o.correct)!.id,
        confidence: 'very-sure',
      }),
    });
    expect(response.status).toBe(200);
  }
}

test('a learner who knows a point well meets its harder question in the player, for the same credit', async () => {
  await masterDefinitionPoint();
  const [definition, ...rest] = aki.questions;
  const harder = definition!.variants!.harder!;

  const page = await freshPage(browser);
  await page.goto(`${stack.sandboxUrl}/chart/walter-novak`);
  const app = page.getByTitle('Chartside').contentFrame();
  await app.getByRole('button', { name: `Start case: ${aki.title.en}` }).click();
  const question = app.getByRole('group', { name: harder.prompt.en, exact: true });
  await question.waitFor();
  await app.getByText('Harder question — you know this one well').waitFor();
  expect(await app.getByRole('group', { name: definition!.prompt.en, exact: true }).count()).toBe(
    0,
  );
  expect(await question.getByRole('radio').count()).toBe(harder.options.length);
  await answerCorrectly(app, definition!);
  // The other questions: this learner has no history on them, so the standard ones.
  for (const other of rest) {
    await app.getByRole('group', { name: other.prompt.en, exact: true }).waitFor();
    await answerCorrectly(app, other);
  }
  await documentApplication(app);
  await app.getByRole('button', { name: 'Finish case' }).click();
  await app.getByText('0.5 AMA PRA Category 1 Credit™ recorded').waitFor();

  // The server graded the harder version and recorded which one was answered.
  const [row] = await stack.db.selectFrom('ledger').selectAll().execute();
  expect(row).toMatchObject({ case_id: aki.id, awarded: 1, amount: 0.5, score: 1 });
  const completion = (JSON.parse(row!.resources) as { resourceType: string }[]).find(
    (r) => r.resourceType === 'QuestionnaireResponse',
  ) as QuestionnaireResponse;
  expect(completion.item?.[0]).toMatchObject({
    linkId: `${definition!.id}.harder`,
    answer: [{ valueCoding: { code: harder.options.find((o) => o.correct)!.id } }],
  });
  await page.close();
});

test('a refresher card on a matching chart opens the app on that refresher, ahead of older due ones', async () => {
  const session = await learnerSession(stack, 'walter-novak');
  const sepsis = (
    await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' })
  ).cases.find((c) => c.id === 'sepsis-hour-1-bundle')!;
  const stage = aki.questions.find((q) => q.id === 'stage')!;
  // Two missed points: a sepsis one (overdue longest) and AKI staging, both due now.
  const miss = async (microCase: MicroCase, questionId: string, dueMinutesAgo: number) => {
    const question = microCase.questions.find((q) => q.id === questionId)!;
    const response = await fetch(`${stack.appUrl}/api/reviews`, {
      method: 'POST',
      headers: session.headers,
      body: JSON.stringify({
        reviewId: crypto.randomUUID(),
        caseId: microCase.id,
        caseVersion: microCase.version,
        questionId,
        optionId: question.options.find((o) => !o.correct)!.id,
      }),
    });
    expect(response.status).toBe(200);
    await stack.db
      .updateTable('review_cards')
      .set({ due: new Date(Date.now() - dueMinutesAgo * 60_000).toISOString() })
      .where('learner', '=', session.fhirUser)
      .where('teaching_point', '=', `${microCase.id}:${questionId}`)
      .execute();
  };
  await miss(sepsis, sepsis.questions[0]!.id, 120);
  await miss(aki, stage.id, 1);

  const page = await freshPage(browser);
  await page.goto(`${stack.sandboxUrl}/chart/walter-novak`);
  // The AKI case was completed in the previous test, so its card gives way to the refresher.
  const card = page
    .getByRole('region', { name: 'Suggestions' })
    .getByRole('article', { name: /2-min refresher: AKI — due for review/ });
  await card.waitFor();
  await card.getByRole('button', { name: 'Open case in Chartside' }).click();
  const app = page.getByTitle('Chartside').contentFrame();
  const refresher = app.getByRole('region', { name: 'Due for review' });
  await refresher.getByRole('group', { name: stage.prompt.en, exact: true }).waitFor();
  expect(
    await refresher
      .getByRole('heading', { name: 'Due for review' })
      .evaluate(
        (heading: { ownerDocument: { activeElement: unknown } }) =>
          heading === heading.ownerDocument.activeElement,
      ),
  ).toBe(true);
  // The refresher opens, not the case.
  expect(await app.getByRole('button', { name: 'Back to suggestions' }).count()).toBe(0);
  expect(await app.getByRole('heading', { name: /^Question 1 of/ }).count()).toBe(0);
  await page.close();
});
