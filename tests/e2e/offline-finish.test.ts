import { readFileSync } from 'node:fs';
import type { Browser, Download, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { loadCaseLibrary } from '../../server/library/case-library';
import { playCaseToTheEnd } from '../support/case-player';
import { freshPage, launchChromium } from '../support/chromium';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;
let sepsis: MicroCase;

beforeAll(async () => {
  // The library's cases await clinician review; this sandbox credits them, as `npm start` does.
  let library;
  [stack, browser, library] = await Promise.all([
    startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } }),
    launchChromium(),
    loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' }),
  ]);
  sepsis = library.cases.find((c) => c.topic === 'sepsis')!;
});
afterAll(async () => {
  await browser.close();
  await stack.close();
});

/** The chart of the sepsis persona with Chartside in its sidebar, once the app can work offline. */
async function openChart(page: Page): Promise<{ app: FrameLocator; frame: () => Frame }> {
  await page.goto(`${stack.sandboxUrl}/chart/maria-santos`);
  const app = page.getByTitle('Chartside').contentFrame();
  const frame = () => page.frames().find((each) => each.url().startsWith(`${stack.appUrl}/app/`))!;
  await app.getByRole('button', { name: `Start case: ${sepsis.title.en}` }).waitFor();
  // The worker has cached the shell and controls the page. Polled with evaluate: waitForFunction
  // would evaluate a string in the page, which the app's CSP (no 'unsafe-eval') refuses.
  await expect
    .poll(() => frame().evaluate('navigator.serviceWorker.controller !== null'))
    .toBe(true);
  return { app, frame };
}

/** Every answer the app server gave to `POST /api/completions` on this page. */
function recordCompletions(page: Page): number[] {
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/completions')) statuses.push(response.status());
  });
  return statuses;
}

test('a case finished offline is kept on this device, survives a reload, and is sent once back online', async () => {
  const ledgerRows = () => stack.db.selectFrom('ledger').select('case_id').execute();
  const before = await ledgerRows();
  const page = await freshPage(browser);
  const completions = recordCompletions(page);
  const { app, frame } = await openChart(page);
  await playCaseToTheEnd(app, sepsis);

  await page.context().setOffline(true);
  await app.getByRole('button', { name: 'Finish case' }).click();
  await app.getByText('Saved on this device — will be sent when the connection is back.').waitFor();

  // Reloaded offline: the page and its scripts come from the service worker, the chart cannot
  // be read, and the finished case is still on this device.
  await frame().evaluate('location.reload()');
  await app.getByRole('button', { name: 'Try again' }).waitFor();
  await app
    .getByText(
      '1 finished case is saved on this device and waiting to be sent for credit. They will be sent once Chartside can read the chart again.',
    )
    .waitFor();
  expect(completions).toEqual([]);

  await page.context().setOffline(false);
  await app.getByRole('button', { name: 'Try again' }).click();
  await app.getByText('1 saved case was sent and recorded.').waitFor();
  await app.getByRole('button', { name: 'My credits' }).click();
  const table = app.getByRole('table', { name: /Credits recorded in/ });
  await table.waitFor();
  expect(await table.getByRole('rowheader', { name: sepsis.title.en }).count()).toBe(1);
  expect(completions).toEqual([200]);
  expect(await ledgerRows()).toEqual([...before, { case_id: sepsis.id }]);
  await page.close();
});

test('back online, a case finished offline is sent without a click', async () => {
  const page = await freshPage(browser);
  const completions = recordCompletions(page);
  const { app } = await openChart(page);
  await playCaseToTheEnd(app, sepsis);
  await page.context().setOffline(true);
  await app.getByRole('button', { name: 'Finish case' }).click();
  await app.getByText('Saved on this device — will be sent when the connection is back.').waitFor();

  await page.context().setOffline(false);

  await app.getByText(/^Receipt: credit /).waitFor();
  expect(completions).toEqual([200]);
  await page.close();
});

test('the certificate downloads as a PDF from the receipt and from My credits', async () => {
  const page = await freshPage(browser);
  const { app } = await openChart(page);
  await playCaseToTheEnd(app, sepsis);
  await app.getByRole('button', { name: 'Finish case' }).click();
  await app.getByText(/^Receipt: credit /).waitFor();

  const fromReceipt = page.waitForEvent('download');
  await app.getByRole('button', { name: 'Certificate (PDF)' }).click();
  const receiptDownload = await fromReceipt;
  expect(receiptDownload.suggestedFilename()).toMatch(
    /^chartside-certificate-\d{4}-\d{2}-\d{2}-.+\.pdf$/,
  );
  expect(await pdfMagic(receiptDownload)).toBe('%PDF');

  await app.getByRole('button', { name: 'Back to suggestions' }).click();
  await app.getByRole('button', { name: 'My credits' }).click();
  const fromTranscript = page.waitForEvent('download');
  await app
    .getByRole('button', { name: `Download the certificate (PDF) for ${sepsis.title.en}` })
    .first()
    .click();
  expect(await pdfMagic(await fromTranscript)).toBe('%PDF');
  await app.getByText(/^The certificate was downloaded as chartside-certificate-/).waitFor();
  await page.close();
});

/** The first four bytes of a downloaded file. */
async function pdfMagic(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path).subarray(0, 4).toString('latin1');
}
