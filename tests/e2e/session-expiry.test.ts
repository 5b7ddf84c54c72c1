import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshPage, launchChromium } from '../support/chromium';
import { startStack, type Stack } from '../support/stack';

const TOKEN_TTL_SECONDS = 4;
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({ tokenTtlSeconds: TOKEN_TTL_SECONDS }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser.close();
  await stack.close();
});

test('after the access token expires the app tells the clinician to relaunch', async () => {
  const page = await freshPage(browser);
  const patient = stack.sandbox.patients[0]!;
  await page.goto(`${stack.sandboxUrl}/chart/${patient.id}`);
  const app = page.getByTitle('Chartside').contentFrame();
  await app.getByRole('heading', { name: patient.name }).waitFor();
  const launchedAt = Date.now();
  const frame = page.frames().find((f) => f.url().startsWith(`${stack.appUrl}/app/`));
  if (!frame) throw new Error('the app frame is missing');
  // Reload the app inside the chart once its token has expired: it must not show stale data.
  await new Promise((resolve) =>
    setTimeout(resolve, TOKEN_TTL_SECONDS * 1000 + 500 - (Date.now() - launchedAt)),
  );
  await frame.goto(`${stack.appUrl}/app/`);
  const alert = app.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/open it again from the patient.s chart/i);
  expect(await app.getByRole('heading', { name: patient.name }).count()).toBe(0);
  await page.close();
});
