import AxeBuilder from '@axe-core/playwright';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { STAFF } from '../../launch/sandbox/personas/staff';
import { freshPage, launchChromium } from '../support/chromium';
import { startStack, type Stack } from '../support/stack';

const ADMIN_TOKEN = 'e2e-admin-token-that-is-at-least-32-characters';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  // The sandbox panel's demo credits (120 days ago) and one run of the outcomes job.
  [stack, browser] = await Promise.all([
    startStack({ demoOutcomes: true, env: { ADMIN_TOKEN } }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser.close();
  await stack.close();
});

async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(WCAG);
  const results = await (include === undefined ? builder : builder.include(include)).analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Each window row (`tr`) under `within` as its data cells' text. */
async function windowRows(within: Locator): Promise<string[][]> {
  const rows = await within.locator('tbody tr, :scope > tr').all();
  const cells = await Promise.all(
    rows.map(async (row) =>
      (await row.getByRole('cell').allTextContents()).map((cell) => cell.trim()),
    ),
  );
  // A credit's heading row has no data cells.
  return cells.filter((row) => row.length > 0);
}

const shownRate = /^\d+\s?%$/;

test('the internist opens "Your learning and your measures" and sees before/after rates', async () => {
  const page = await freshPage(browser);
  const patient = stack.sandbox.patients.find((p) => p.topic);
  if (!patient) throw new Error('the sandbox needs a persona');
  await page.goto(`${stack.sandboxUrl}/chart/${patient.id}?practitioner=${STAFF.internist}`);
  const app: FrameLocator = page.getByTitle('Chartside').contentFrame();

  await app.getByRole('button', { name: 'My measures' }).click();
  const screen = app.getByRole('region', { name: 'Your learning and your measures' });
  const statement = screen.getByRole('region', { name: 'What these numbers can and cannot say' });
  expect(await statement.textContent()).toContain('not evidence that the course caused the change');
  const tables = screen.getByRole('table');
  await tables.first().waitFor();

  const measuresWithRates: string[] = [];
  for (const table of await tables.all()) {
    // Data cells: [met, counted, rate, interval] for Before, then After.
    const [before, after] = await windowRows(table);
    if (shownRate.test(before?.at(-2) ?? '') && shownRate.test(after?.at(-2) ?? ''))
      measuresWithRates.push((await table.locator('caption').textContent()) ?? '');
  }
  expect(measuresWithRates.length).toBeGreaterThanOrEqual(1);
  expect(measuresWithRates.join('\n')).toMatch(/-like/);
  await expect
    .poll(() =>
      screen.getByText(/Computed .* from \d+ patients via (Bulk Data|FHIR search)/).count(),
    )
    .toBe(1);
  expect(await screen.getByRole('img', { name: /^Chart of / }).count()).toBe(await tables.count());
  expect(await axeViolations(page, 'iframe[title="Chartside"]')).toEqual([]);
  await page.close();
});

test('the CME office sees every clinician’s rows for at least three measures, and the CSV', async () => {
  const page = await freshPage(browser);
  await page.goto(`${stack.appUrl}/admin/`);
  await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'EHRs', level: 1 }).waitFor();

  await page
    .getByRole('navigation', { name: 'Admin' })
    .getByRole('link', { name: 'Outcomes' })
    .click();
  await page.getByRole('heading', { name: 'Outcomes', level: 1 }).waitFor();
  expect(
    await page.getByRole('region', { name: 'What these numbers can and cannot say' }).textContent(),
  ).toContain('not evidence that a course caused the change');
  const tables = page.getByRole('table');
  await tables.first().waitFor();

  const measures = new Set<string>();
  const clinicians = new Set<string>();
  for (const table of await tables.all()) {
    for (const body of await table.locator('tbody').all()) {
      clinicians.add(((await body.getByRole('rowheader').first().textContent()) ?? '').trim());
      const [before, after] = await windowRows(body);
      for (const row of [before, after]) {
        const [met, counted] = (row ?? []).slice(-5, -3);
        // A large denominator with a rate well inside 0–1 is never hidden.
        if (Number(counted) >= 100) expect(met).not.toBe('<11');
      }
      if (shownRate.test(before?.at(-2) ?? '') && shownRate.test(after?.at(-2) ?? ''))
        measures.add((await table.locator('caption').textContent()) ?? '');
    }
  }
  expect(measures.size).toBeGreaterThanOrEqual(3);
  expect(clinicians.size).toBeGreaterThanOrEqual(2);
  expect(await axeViolations(page)).toEqual([]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('chartside-outcomes.csv');
  await page.close();
});
