import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshPage, launchChromium } from '../support/chromium';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
afterAll(async () => {
  await browser.close();
  await stack.close();
});

/** Collects console errors and uncaught exceptions from the chart and the framed app. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.location().url}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function openChart(page: Page, patientId: string): Promise<ReturnType<Page['frameLocator']>> {
  await page.goto(`${stack.sandboxUrl}/chart/${patientId}`);
  return page.getByTitle('Chartside').contentFrame();
}

test('the app opens in the chart sidebar for two patients in turn, with nothing carried over', async () => {
  const page = await freshPage(browser);
  const errors = watchErrors(page);
  const [first, second] = stack.sandbox.patients.filter((p) => p.topic);
  if (!first || !second) throw new Error('the sandbox needs two personas');

  const app = await openChart(page, first.id);
  await app.getByRole('heading', { name: first.name }).waitFor();
  expect(await app.getByText(second.name).count()).toBe(0);
  const problems = app.getByRole('region', { name: /problems/i });
  expect(await problems.getByRole('listitem').count()).toBeGreaterThan(0);
  expect(await app.getByRole('region', { name: /encounter/i }).textContent()).toMatch(/\S/);

  const again = await openChart(page, second.id);
  await again.getByRole('heading', { name: second.name }).waitFor();
  expect(await again.getByText(first.name).count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('the app page has no WCAG A/AA violations', async () => {
  const page = await freshPage(browser);
  const patient = stack.sandbox.patients[0]!;
  const app = await openChart(page, patient.id);
  await app.getByRole('heading', { name: patient.name }).waitFor();
  const results = await new AxeBuilder({ page })
    .include('iframe[title="Chartside"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
  await page.close();
});
