import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { ADMIN_TOKEN, api, outcome } from '../test-support/admin-fixtures';
import { renderWithApi } from '../test-support/render-with-api';
import { ParsExportPage } from './pars-export-page';

const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => {
  server.close();
});

const FILE = 'Board ID,NPI,First Name\r\nABIM-1,,"Lovelace, Ada"\r\n';

function captureDownloads(): Blob[] {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:pars';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return blobs;
}

async function fillRange(from: string, to: string) {
  const user = userEvent.setup();
  renderWithApi(<ParsExportPage />);
  const [fromField, toField] = [
    screen.getByLabelText('From'),
    screen.getByLabelText('To (included)'),
  ];
  await user.clear(fromField);
  await user.type(fromField, from);
  await user.clear(toField);
  await user.type(toField, to);
  return user;
}

test('the file for the chosen range downloads, and those left out are counted, not named', async () => {
  const asked: URL[] = [];
  server.use(
    http.get(api('/reports/pars'), ({ request }) => {
      asked.push(new URL(request.url));
      if (request.headers.get('authorization') !== `Bearer ${ADMIN_TOKEN}`)
        return new HttpResponse(null, { status: 401 });
      return new HttpResponse(FILE, {
        headers: {
          'content-type': 'text/tab-separated-values',
          'x-pars-included': '1',
          'x-pars-left-out-no-consent': '12',
          'x-pars-left-out-missing-identifiers': '0',
          'x-pars-left-out-participation': '2',
        },
      });
    }),
  );
  const blobs = captureDownloads();
  const user = await fillRange('2026-10-01', '2026-10-31');
  await user.selectOptions(screen.getByLabelText('Format'), 'TSV (tab-separated)');
  await user.click(screen.getByRole('button', { name: 'Download PARS file' }));

  const status = await screen.findByRole('status');
  expect(status.textContent).toBe(
    'Downloaded pars-2026-10-01-to-2026-10-31.tsv: 1 completion.12 completions left out: no consent.' +
      '2 completions left out: participation by other health professionals, not AMA PRA credit, which is what PARS learner data reports.',
  );
  expect(Object.fromEntries(asked[0]?.searchParams ?? [])).toEqual({
    from: '2026-10-01',
    to: '2026-10-31',
    format: 'tsv',
  });
  expect(await blobs[0]?.text()).toBe(FILE);
});

test('a refused range shows the server’s code and message in an alert', async () => {
  server.use(
    http.get(api('/reports/pars'), () =>
      HttpResponse.json(outcome('REQUEST_INVALID', 'from must not be after to', ['from']), {
        status: 400,
      }),
    ),
  );
  const blobs = captureDownloads();
  const user = await fillRange('2026-11-30', '2026-11-01');
  await user.click(screen.getByRole('button', { name: 'Download PARS file' }));

  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('from must not be after to');
  expect(alert.textContent).toContain('Error code: REQUEST_INVALID');
  expect(blobs).toEqual([]);
});
