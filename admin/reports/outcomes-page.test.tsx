import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import {
  SUPPRESSED,
  type AdminOutcomesResponse,
  type ClinicianComparison,
} from '../../core/wire/outcomes';
import { ADMIN_TOKEN, api, tenantFixture } from '../test-support/admin-fixtures';
import { renderWithApi } from '../test-support/render-with-api';
import { OutcomesPage } from './outcomes-page';

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

const period = (start: string, end: string) => ({
  periodStart: `${start}T00:00:00.000Z`,
  periodEnd: `${end}T00:00:00.000Z`,
});
const row = (overrides: Partial<ClinicianComparison> = {}): ClinicianComparison => ({
  tenantId: 'tenant-1',
  learner: 'https://ehr.example.org/fhir/Practitioner/dr-amara-osei',
  learnerName: 'Amara Osei',
  creditId: 'credit-1',
  caseId: 't2dm-intensify-cardiorenal',
  caseTitle: { en: 'Type 2 diabetes above goal', es: 'Diabetes tipo 2' },
  creditedAt: '2026-07-29T10:00:00.000Z',
  measureId: 'CMS122',
  before: {
    ...period('2026-01-30', '2026-07-29'),
    numerator: 81,
    denominator: 263,
    rate: 81 / 263,
    ciLow: 0.2553,
    ciHigh: 0.3662,
  },
  after: {
    ...period('2026-07-29', '2026-11-26'),
    numerator: SUPPRESSED,
    denominator: 240,
    rate: null,
    ciLow: null,
    ciHigh: null,
  },
  ...overrides,
});

const report: AdminOutcomesResponse = {
  computedAt: '2026-11-26T14:00:00.000Z',
  population: { patients: 912, source: 'bulk' },
  windows: { beforeDays: 180, afterDays: 180 },
  measures: [
    {
      id: 'CMS122',
      label: { en: 'CMS122-like: HbA1c > 9 % (poor control)', es: 'Similar a CMS122' },
      simplification: { en: 'Latest HbA1c only.', es: 'Solo la última HbA1c.' },
      lowerIsBetter: true,
      basis: 'patient',
    },
  ],
  comparisons: [
    row(),
    row({
      learner: 'https://ehr.example.org/fhir/Practitioner/pa-marcus-reed',
      learnerName: null,
      creditId: 'credit-2',
    }),
  ],
};

function serve(asked: URL[] = [], body = report) {
  server.use(
    http.get(api('/tenants'), () =>
      HttpResponse.json({ tenants: [{ ...tenantFixture(), warnings: [] }] }),
    ),
    http.get(api('/outcomes'), ({ request }) => {
      asked.push(new URL(request.url));
      return HttpResponse.json(body);
    }),
  );
}

test('rows per clinician with the statement, the chart and "<11" where counts are hidden', async () => {
  serve();
  renderWithApi(<OutcomesPage />);

  const section = await screen.findByRole('region', {
    name: 'CMS122-like: HbA1c > 9 % (poor control)',
  });
  expect(within(section).getByText(/Lower is better\./)).toBeDefined();
  expect(within(section).getByText(/Latest HbA1c only\./)).toBeDefined();
  const table = within(section).getByRole('table');
  const rows = within(table)
    .getAllByRole('row')
    .map((r) => r.textContent);
  expect(rows[1]).toMatch(
    /Example Health.*Amara Osei.*Type 2 diabetes above goal.*Before.*81263.*31%.*26–37%/,
  );
  expect(rows[2]).toMatch(/After.*<11.*240.*—.*—/);
  expect(rows[3]).toMatch(/Practitioner\/pa-marcus-reed/);
  expect(within(section).getByRole('img').getAttribute('aria-label')).toMatch(
    /^Chart of CMS122-like.*Amara Osei, credit of Jul 29, 2026: before 31% \(95 % interval 26–37%\), after not shown/,
  );
  expect(
    screen.getByRole('region', { name: 'What these numbers can and cannot say' }).textContent,
  ).toMatch(/not evidence that a course caused the change/);
  expect(screen.getByText(/from 912 patients via Bulk Data/)).toBeDefined();
});

test('the filters ask for one EHR and one measure', async () => {
  const asked: URL[] = [];
  serve(asked);
  renderWithApi(<OutcomesPage />);
  const user = userEvent.setup();
  await screen.findByRole('option', { name: 'Example Health' });

  await user.selectOptions(screen.getByLabelText('EHR'), 'Example Health');
  await user.selectOptions(screen.getByLabelText('Measure'), 'CMS165');

  await screen.findByRole('table');
  expect(asked.at(-1)?.searchParams.toString()).toBe('tenant=tenant-1&measure=CMS165');
});

test('before the job has run, it says so', async () => {
  serve([], { ...report, computedAt: null, population: null, measures: [], comparisons: [] });
  renderWithApi(<OutcomesPage />);

  expect(await screen.findByText(/Outcomes have not been computed yet/)).toBeDefined();
  expect(screen.queryByRole('table')).toBeNull();
});

test('Download CSV fetches the file with the bearer token and saves it', async () => {
  serve();
  const csv = 'tenant,clinician\r\nExample Health,Amara Osei\r\n';
  const auth: string[] = [];
  server.use(
    http.get(api('/reports/outcomes.csv'), ({ request }) => {
      auth.push(request.headers.get('authorization') ?? '');
      return new HttpResponse(csv, { headers: { 'content-type': 'text/csv' } });
    }),
  );
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:outcomes';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const clicked = vi
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(() => undefined);
  renderWithApi(<OutcomesPage />);
  const user = userEvent.setup();

  await user.click(await screen.findByRole('button', { name: 'Download CSV' }));

  await vi.waitFor(() => {
    expect(clicked).toHaveBeenCalledOnce();
  });
  expect(auth).toEqual([`Bearer ${ADMIN_TOKEN}`]);
  expect(await blobs[0]?.text()).toBe(csv);
});
