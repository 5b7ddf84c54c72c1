import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { loadCaseLibrary } from '../../server/library/case-library';
import { freshPage, launchChromium } from '../support/chromium';
import { completionBody } from '../support/completion-body';
import { learnerSession } from '../support/learner-session';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser.close();
  await stack.close();
});

/** The first clinician completed the sepsis case earlier, missing its first question. */
async function completeMissingFirstQuestion(sepsis: MicroCase): Promise<string> {
  const session = await learnerSession(stack, 'maria-santos');
  const body = completionBody(sepsis, session);
  const missed = sepsis.questions[0]!;
  (body.answers as { questionId: string; optionId: string }[])[0]!.optionId = missed.options.find(
    (o) => !o.correct,
  )!.id;
  const response = await fetch(`${stack.appUrl}/api/completions`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return `${sepsis.id}:${missed.id}`;
}

test('a refresher appears for a learner with a due point and is answered in one short step', async () => {
  const library = await loadCaseLibrary({
    casesDir: 'cases',
    valueSetsDir: 'fhir-profiles/valuesets',
  });
  const sepsis = library.cases.find((c) => c.topic === 'sepsis')!;
  const missed = sepsis.questions[0]!;
  const point = await completeMissingFirstQuestion(sepsis);
  // Time passes: the missed point falls due (FSRS scheduled it for tomorrow).
  await stack.db
    .updateTable('review_cards')
    .set({ due: new Date(Date.now() - 60_000).toISOString() })
    .where('teaching_point', '=', point)
    .execute();

  const page = await freshPage(browser);
  await page.goto(`${stack.sandboxUrl}/chart/maria-santos`);
  const app = page.getByTitle('Chartside').contentFrame();
  const refresher = app.getByRole('region', { name: 'Due for review' });
  await refresher.waitFor();
  // One question, nothing else to read first: the refresher is a minute, not a case.
  expect(await refresher.getByRole('radio').count()).toBe(missed.options.length + 3);
  await refresher
    .getByRole('group', { name: missed.prompt.en })
    .getByRole('radio', { name: missed.options.find((o) => o.correct)!.text.en })
    .check();
  await refresher.getByRole('radio', { name: 'Unsure' }).check();
  await refresher.getByRole('button', { name: 'Check answer' }).click();
  await refresher.getByRole('heading', { name: /Correct/ }).waitFor();
  await refresher.getByText(/^Next review of this point: /).waitFor();
  const results = await new AxeBuilder({ page })
    .include('iframe[title="Chartside"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
  await refresher.getByRole('button', { name: 'Done for now' }).click();
  await refresher.waitFor({ state: 'detached' });

  const answers = await stack.db
    .selectFrom('review_answers')
    .selectAll()
    .where('source', '=', 'review')
    .execute();
  expect(answers).toMatchObject([
    { teaching_point: point, correct: 1, confidence: 'unsure', rating: 'hard' },
  ]);
  // The learner's own answer time, as the app measured it: well under the two-minute promise.
  expect(answers[0]!.seconds).toBeLessThan(120);
  // A review earns no credit: the ledger still holds the one completion.
  expect(await stack.db.selectFrom('ledger').selectAll().execute()).toHaveLength(1);
  await page.close();
});
