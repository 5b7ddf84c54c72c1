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

/** Every URL the page requested, to prove that nothing went to an attacker's host. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

test('a launch from an unregistered iss is refused and goes nowhere', async () => {
  const page = await freshPage(browser);
  const requests = recordRequests(page);
  const evil = 'http://evil.invalid/fhir';
  await page.goto(`${stack.appUrl}/launch?iss=${encodeURIComponent(evil)}&launch=abc`);
  await page.getByRole('alert').getByText('This EHR is not registered with Chartside').waitFor();
  expect(new URL(page.url()).pathname).toBe('/launch');
  expect(requests.filter((url) => new URL(url).hostname === 'evil.invalid')).toEqual([]);
  await page.close();
});

test('a fhirServiceUrl injected into the launch link is refused before any request', async () => {
  const page = await freshPage(browser);
  const requests = recordRequests(page);
  const iss = encodeURIComponent(stack.sandbox.urls.fhirBaseUrl);
  await page.goto(
    `${stack.appUrl}/launch?iss=${iss}&launch=abc&fhirServiceUrl=http%3A%2F%2Fevil.invalid%2Ffhir`,
  );
  await page.getByRole('alert').getByText('This launch link was refused').waitFor();
  expect(await page.getByRole('alert').textContent()).toContain('fhirServiceUrl');
  expect(requests.filter((url) => new URL(url).hostname === 'evil.invalid')).toEqual([]);
  expect(requests.filter((url) => url.includes('/api/launch-config'))).toEqual([]);
  await page.close();
});

test('a fhirServiceUrl without iss does not skip authorization', async () => {
  const page = await freshPage(browser);
  const requests = recordRequests(page);
  await page.goto(`${stack.appUrl}/launch?fhirServiceUrl=http%3A%2F%2Fevil.invalid%2Ffhir`);
  await page.getByRole('alert').getByText('This launch link was refused').waitFor();
  expect(requests.filter((url) => new URL(url).hostname === 'evil.invalid')).toEqual([]);
  await page.close();
});
