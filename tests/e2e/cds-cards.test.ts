import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OVERRIDE_REASON_SYSTEM } from '../../core/cds-hooks/service-ids';
import { loadCaseLibrary, type CaseLibrary } from '../../server/library/case-library';
import { freshPage, launchChromium } from '../support/chromium';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;
let library: CaseLibrary;

beforeAll(async () => {
  [stack, browser, library] = await Promise.all([
    startStack(),
    launchChromium(),
    loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' }),
  ]);
});
afterAll(async () => {
  await browser.close();
  await stack.close();
});

const caseOf = (topic: string) => library.cases.find((c) => c.topic === topic)!;

async function openChart(page: Page, patientId: string) {
  await page.goto(`${stack.sandboxUrl}/chart/${patientId}`);
  return page.getByRole('region', { name: 'Suggestions' });
}

test('a chart shows its CDS card, and the card opens its case in the Chartside sidebar', async () => {
  const sepsis = caseOf('sepsis');
  const page = await freshPage(browser);
  const suggestions = await openChart(page, 'maria-santos');
  const card = suggestions.getByRole('article', { name: /sepsis/i });
  await card.waitFor();
  expect(await card.getByRole('link').first().getAttribute('target')).toBe('_blank');
  const axe = await new AxeBuilder({ page })
    .exclude('iframe[title="Chartside"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await card.getByRole('button', { name: 'Open case in Chartside' }).click();
  const app = page.getByTitle('Chartside').contentFrame();
  const player = app.getByRole('article', { name: sepsis.title.en });
  await player.getByRole('heading', { name: `Question 1 of ${sepsis.questions.length}` }).waitFor();
  expect(await player.getByRole('button', { name: 'Back to suggestions' }).count()).toBe(1);
  expect(await app.getByRole('button', { name: `Start case: ${sepsis.title.en}` }).count()).toBe(0);

  // The click was reported to the service as an accepted card.
  await expect
    .poll(() =>
      stack.db
        .selectFrom('cds_feedback')
        .select(['outcome', 'case_id'])
        .where('outcome', '=', 'accepted')
        .execute(),
    )
    .toEqual([{ outcome: 'accepted', case_id: sepsis.id }]);
  await page.close();
});

test("for EHRs that drop appContext, the card's absolute link opens the same case after a standalone launch", async () => {
  const sepsis = caseOf('sepsis');
  const page = await freshPage(browser);
  const card = (await openChart(page, 'maria-santos')).getByRole('article', { name: /sepsis/i });
  const href = await card
    .getByRole('link', { name: 'Open this case in Chartside (if the app does not open)' })
    .getAttribute('href');
  expect(href).toMatch(/\/launch\?iss=[^#]+#case=/);

  const tab = await freshPage(browser);
  await tab.goto(href!);
  await tab.getByLabel('Patient').selectOption('maria-santos');
  await tab.getByRole('button', { name: 'Continue' }).click();
  const player = tab.getByRole('article', { name: sepsis.title.en });
  await player.getByRole('heading', { name: `Question 1 of ${sepsis.questions.length}` }).waitFor();
  await Promise.all([page.close(), tab.close()]);
});

test('dismissing a card with a reason removes it and stores the feedback with that reason', async () => {
  const page = await freshPage(browser);
  const suggestions = await openChart(page, 'robert-chen');
  const card = suggestions.getByRole('article').first();
  await card.waitFor();
  const summary = await card.getByRole('heading').textContent();
  const before = await suggestions.getByRole('article').count();

  await card.getByLabel('Reason for dismissing').selectOption({ label: 'Already know this' });
  await card.getByRole('button', { name: 'Dismiss' }).click();
  await suggestions
    .getByRole('status')
    .getByText(/^Suggestion dismissed\./)
    .waitFor();
  expect(await suggestions.getByRole('article').count()).toBe(before - 1);
  expect(await suggestions.getByRole('heading', { name: summary! }).count()).toBe(0);

  const rows = await stack.db
    .selectFrom('cds_feedback')
    .innerJoin('cds_cards', 'cds_cards.uuid', 'cds_feedback.card_uuid')
    .select(['outcome', 'reason_code', 'reason_system', 'cds_cards.service_id'])
    .where('outcome', '=', 'overridden')
    .execute();
  expect(rows).toEqual([
    {
      outcome: 'overridden',
      reason_code: 'already-known',
      reason_system: OVERRIDE_REASON_SYSTEM,
      service_id: 'chartside-patient-view',
    },
  ]);
  await page.close();
});

test('when the suggestions cannot be had, the chart and its app still work and say so quietly', async () => {
  const page = await freshPage(browser);
  await page.route('**/chart-suggestions/**', (route) => route.fulfill({ status: 502 }));
  const suggestions = await openChart(page, 'maria-santos');
  await suggestions.getByRole('status').getByText('Suggestions unavailable').waitFor();
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Maria Santos');
  const app = page.getByTitle('Chartside').contentFrame();
  await app.getByRole('button', { name: `Start case: ${caseOf('sepsis').title.en}` }).waitFor();
  await page.close();
});
