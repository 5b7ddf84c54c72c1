import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { creditFor } from '../credits/test-support/credit-api';
import { SESSION_TOKEN, fakeCreditAccess } from '../credits/test-support/fake-credit-access';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { CertificateButton } from './certificate-button';

const CERTIFICATE_URL = '*/api/credits/:id/certificate';
const PDF_BYTES = '%PDF-1.7\n%test certificate\n';

const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => {
  server.close();
});

/** What the page handed to the browser's downloads: jsdom has neither object URLs nor downloads. */
let downloads: { href: string; fileName: string }[];
const files = new Map<string, Blob>();
const keepDownload = (event: MouseEvent) => {
  if (event.target instanceof HTMLAnchorElement && event.target.download !== '') {
    event.preventDefault();
    downloads.push({ href: event.target.href, fileName: event.target.download });
  }
};
const original = Object.getOwnPropertyDescriptors(URL);
beforeEach(() => {
  downloads = [];
  URL.createObjectURL = (blob: Blob) => {
    const href = `blob:certificate-${files.size}`;
    files.set(href, blob);
    return href;
  };
  URL.revokeObjectURL = (href: string) => {
    files.delete(href);
  };
  document.addEventListener('click', keepDownload);
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  document.removeEventListener('click', keepDownload);
  // jsdom has no object URLs: put back exactly what was there (nothing, usually).
  for (const name of ['createObjectURL', 'revokeObjectURL'] as const) {
    const descriptor = original[name] as PropertyDescriptor | undefined;
    if (descriptor === undefined) Reflect.deleteProperty(URL, name);
    else Object.defineProperty(URL, name, descriptor);
  }
});

const credit = creditFor(
  { attemptId: '11111111-8b7d-4c3a-9e2f-1a2b3c4d5e6f', caseId: 'sepsis-hour-one' },
  { recordedAt: '2026-03-14T10:08:00.000Z' },
);

function renderButton(language = 'en') {
  return renderInLanguage(
    <CertificateButton
      access={fakeCreditAccess()}
      credit={credit}
      caseTitle="Sepsis: the first hour"
    />,
    language,
  );
}

test('the certificate is fetched with the app session and saved as a named PDF', async () => {
  const requests: { id: string | readonly string[] | undefined; authorization: string | null }[] =
    [];
  server.use(
    http.get(CERTIFICATE_URL, ({ request, params }) => {
      requests.push({ id: params.id, authorization: request.headers.get('authorization') });
      return new HttpResponse(PDF_BYTES, { headers: { 'content-type': 'application/pdf' } });
    }),
  );
  const user = userEvent.setup();
  renderButton();

  await user.click(
    screen.getByRole('button', {
      name: /^Download the certificate \(PDF\) for Sepsis: the first hour, recorded Mar 14, 2026/,
    }),
  );

  expect(
    await screen.findByText(
      'The certificate was downloaded as chartside-certificate-2026-03-14-credit-11111111.pdf.',
    ),
  ).toBeTruthy();
  expect(requests).toEqual([{ id: credit.id, authorization: `Bearer ${SESSION_TOKEN}` }]);
  expect(downloads.map((download) => download.fileName)).toEqual([
    'chartside-certificate-2026-03-14-credit-11111111.pdf',
  ]);
  const saved = files.get(downloads[0]!.href);
  expect(saved?.type).toBe('application/pdf');
  expect(await saved?.text()).toBe(PDF_BYTES);
});

test('a server that cannot be reached is named, with what to do next', async () => {
  server.use(http.get(CERTIFICATE_URL, () => new HttpResponse(null, { status: 503 })));
  const user = userEvent.setup();
  renderButton();

  await user.click(screen.getByRole('button', { name: /^Download the certificate/ }));

  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toBe(
    "The certificate could not be downloaded: Chartside's server could not be reached. Check your connection and try again.",
  );
  expect(downloads).toEqual([]);
});

test('an expired sign-in asks for Chartside to be opened again', async () => {
  server.use(http.get(CERTIFICATE_URL, () => new HttpResponse(null, { status: 401 })));
  const user = userEvent.setup();
  renderButton();

  await user.click(screen.getByRole('button', { name: /^Download the certificate/ }));

  expect((await screen.findByRole('alert')).textContent).toContain(
    "Close Chartside and open it again from the patient's chart.",
  );
});

test('an answer that is not a PDF is never saved as one', async () => {
  server.use(http.get(CERTIFICATE_URL, () => HttpResponse.html('<p>Sign in</p>')));
  const user = userEvent.setup();
  renderButton();

  await user.click(screen.getByRole('button', { name: /^Download the certificate/ }));

  expect((await screen.findByRole('alert')).textContent).toContain(
    'sent an answer this version does not understand',
  );
  expect(downloads).toEqual([]);
});

test('the button reads in Spanish', () => {
  renderButton('es-ES');

  const button = screen.getByRole('button', {
    name: /^Descargar el certificado \(PDF\) de Sepsis: the first hour, registrado el 14 mar 2026/,
  });
  expect(button.textContent).toBe('Certificado (PDF)');
});
