import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshPage, launchChromium } from '../support/chromium';
import { startStack, type Stack } from '../support/stack';

const ADMIN_TOKEN = 'e2e-admin-token-that-is-at-least-32-characters';

let stack: Stack;
let browser: Browser;
let secondUrl: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({ secondSandbox: true, env: { ADMIN_TOKEN } }),
    launchChromium(),
  ]);
  if (stack.secondSandboxUrl === undefined) throw new Error('the stack has no second sandbox');
  secondUrl = stack.secondSandboxUrl;
});
afterAll(async () => {
  await browser.close();
  await stack.close();
});

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${stack.appUrl}/admin/`);
  await page.getByRole('heading', { name: 'Chartside admin' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
  await page.getByLabel('Your name (optional)').fill('Ada Admin');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'EHRs', level: 1 }).waitFor();
}

/** The app as it opens in the sidebar of `sandboxUrl`'s chart for the first persona. */
async function openChart(page: Page, sandboxUrl: string) {
  const patient = stack.sandbox.patients.find((p) => p.topic);
  if (!patient) throw new Error('the sandbox needs a persona');
  await page.goto(`${sandboxUrl}/chart/${patient.id}`);
  return { patient, app: page.getByTitle('Chartside').contentFrame() };
}

/** What the chart's Suggestions panel says once its CDS call has settled. */
async function suggestionsStatus(chart: Page): Promise<string> {
  const status = chart.getByRole('region', { name: 'Suggestions' }).getByRole('status');
  await expect.poll(() => status.textContent()).not.toBe('Loading suggestions…');
  return (await status.textContent()) ?? '';
}

test('a wrong admin token is refused with what to do, and nothing is shown', async () => {
  const page = await freshPage(browser);
  await page.goto(`${stack.appUrl}/admin/`);
  await page.getByLabel('Admin token').fill('not-the-admin-token-but-just-as-long-as-it');
  await page.getByRole('button', { name: 'Sign in' }).click();

  const alert = page.getByRole('alert');
  await expect.poll(() => alert.textContent()).toContain('An administrator token is required');
  expect(await alert.textContent()).toContain('Sign out, then sign in with the ADMIN_TOKEN');
  expect(await page.getByRole('table').count()).toBe(0);
  await page.close();
});

test('the admin adds the second sandbox EHR, a launch from it works, and once disabled it is refused', async () => {
  const page = await freshPage(browser);
  await signIn(page);
  const list = page.getByRole('table', { name: 'Registered EHRs' });
  expect(await list.getByRole('link', { name: 'Chartside sandbox EHR' }).count()).toBe(1);
  await expectNoAxeViolations(page);

  // Before it is registered, the second sandbox's chart cannot show the app.
  const chart = await freshPage(browser);
  const unregistered = await openChart(chart, secondUrl);
  await unregistered.app.getByText('refused to connect').filter({ visible: true }).waitFor();

  await page.getByRole('link', { name: 'Add an EHR' }).click();
  await page.getByRole('heading', { name: 'Add an EHR', level: 1 }).waitFor();
  await page.getByLabel('FHIR base URL').fill(`${secondUrl}/fhir`);
  await page.getByRole('button', { name: 'Check' }).click();
  const found = page.getByRole('region', { name: 'What the EHR’s SMART configuration says' });
  await found.waitFor();
  expect(await found.textContent()).toContain(`${secondUrl}/auth/jwks`);
  expect(await found.textContent()).toContain('No warnings');
  await expectNoAxeViolations(page);

  await page.getByLabel('Name', { exact: true }).fill('Second sandbox EHR');
  await page.getByLabel('Vendor').selectOption({ label: 'SMART sandbox' });
  await page.getByLabel('Client id', { exact: true }).fill('chartside-second-sandbox');
  expect(await page.getByLabel('Frame origins').inputValue()).toBe(new URL(secondUrl).origin);
  await page.getByRole('button', { name: 'Add a CDS client' }).click();
  await page.getByLabel('CDS client 1 issuer').fill(secondUrl);
  await page.getByLabel('CDS client 1 JWKS URL').fill(`${secondUrl}/cds-client/jwks.json`);
  await page.getByRole('button', { name: 'Save EHR' }).click();

  await page.getByRole('heading', { name: 'Second sandbox EHR', level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Second sandbox EHR was added.' }).waitFor();
  const sheet = page.getByRole('region', { name: 'Registration sheet' });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: stack.appUrl,
  });
  await sheet.getByRole('button', { name: 'Copy Launch URL (EHR launch)' }).click();
  await sheet.getByRole('status').filter({ hasText: 'Copied Launch URL (EHR launch)' }).waitFor();
  const copied: unknown = await page.evaluate('navigator.clipboard.readText()');
  expect(copied).toBe(`${stack.appUrl}/launch`);
  await expectNoAxeViolations(page);

  const launched = await openChart(chart, secondUrl);
  await launched.app.getByRole('heading', { name: launched.patient.name }).waitFor();
  expect(await chart.getByRole('link', { name: 'Second sandbox EHR' }).count()).toBe(1);
  // Its CDS client, added in the form, is trusted: the chart shows Chartside's card.
  expect(await suggestionsStatus(chart)).toMatch(/^\d+ suggestions?$/);

  await page.getByRole('button', { name: 'Disable this EHR' }).click();
  await page.getByRole('button', { name: 'Yes, disable' }).click();
  await page.getByRole('status').filter({ hasText: 'Second sandbox EHR is disabled' }).waitFor();
  expect(await page.getByRole('button', { name: 'Enable this EHR' }).count()).toBe(1);

  // The chart's frame is refused before the app starts, and so are its CDS calls.
  const refused = await openChart(chart, secondUrl);
  await refused.app.getByText('refused to connect').filter({ visible: true }).waitFor();
  expect(await refused.app.getByRole('heading', { name: launched.patient.name }).count()).toBe(0);
  expect(await suggestionsStatus(chart)).toBe('Suggestions unavailable');
  // A launch outside a frame says why.
  const [testLaunch] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('link', { name: 'Open a test launch in a new tab' }).click(),
  ]);
  await testLaunch
    .getByRole('heading', { name: 'This EHR is not registered with Chartside' })
    .waitFor();
  await Promise.all([chart.close(), testLaunch.close()]);

  // Who did what is on record, and the report pages pass axe too.
  await page.getByRole('link', { name: 'Audit log' }).click();
  const audit = page.getByRole('table', { name: 'Changes to EHR registrations' });
  await audit.getByRole('row', { name: /api:Ada Admin Disabled/ }).waitFor();
  expect(await audit.getByRole('row', { name: /api:Ada Admin Added/ }).count()).toBe(1);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Credits issued' }).click();
  await page.getByRole('heading', { name: 'Credits issued', level: 1 }).waitFor();
  await page.getByText('No credit has been issued yet.').waitFor();
  await expectNoAxeViolations(page);
  await page.close();
});
