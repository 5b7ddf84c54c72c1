import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadCaseLibrary } from '../../server/library/case-library';
import { playCaseToTheEnd } from '../support/case-player';
import { freshPage, launchChromium } from '../support/chromium';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  // The library's cases await clinician review; this sandbox credits them, as `npm start` does.
  [stack, browser] = await Promise.all([
    startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser.close();
  await stack.close();
});

test('chart → case → finish → the transcript shows the credit, and its receipt verifies', async () => {
  const library = await loadCaseLibrary({
    casesDir: 'cases',
    valueSetsDir: 'fhir-profiles/valuesets',
  });
  const sepsis = library.cases.find((c) => c.topic === 'sepsis')!;
  const page = await freshPage(browser);
  const submitted: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/completions')) submitted.push(response.url());
  });
  await page.goto(`${stack.sandboxUrl}/chart/maria-santos`);
  const app = page.getByTitle('Chartside').contentFrame();
  await playCaseToTheEnd(app, sepsis);
  await app.getByRole('button', { name: 'Finish case' }).click();
  await app.getByText('0.5 AMA PRA Category 1 Credit™ recorded').waitFor();
  expect(submitted).toHaveLength(1);

  await app.getByRole('button', { name: 'Back to suggestions' }).click();
  await app.getByRole('button', { name: 'My credits' }).click();
  const table = app.getByRole('table', { name: /Credits recorded in/ });
  await table.waitFor();
  expect(await table.getByRole('rowheader', { name: sepsis.title.en }).count()).toBe(1);
  expect(await table.textContent()).toContain('0.5');

  // The credit the browser saw is in the ledger, and its receipt verifies with the app's JWKS.
  const [row] = await stack.db.selectFrom('ledger').selectAll().execute();
  expect(row).toMatchObject({ case_id: sepsis.id, awarded: 1, amount: 0.5 });
  const jwks = (await (
    await fetch(`${stack.appUrl}/.well-known/jwks.json`)
  ).json()) as JSONWebKeySet;
  const { payload } = await compactVerify(row!.receipt, createLocalJWKSet(jwks));
  expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({
    id: row!.id,
    ledgerHash: row!.hash,
  });
  await page.close();
});
