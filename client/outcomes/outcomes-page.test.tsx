import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import {
  SUPPRESSED,
  type CreditComparison,
  type LearnerOutcomesResponse,
} from '../../core/wire/outcomes';
import { fakeCreditAccess, SESSION_TOKEN } from '../credits/test-support/fake-credit-access';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { OutcomesPage } from './outcomes-page';

const OUTCOMES_URL = '*/api/outcomes';
const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
  cleanup();
});
afterAll(() => {
  server.close();
});

const window = (start: string, end: string, numerator: number, denominator: number) => ({
  periodStart: `${start}T10:00:00.000Z`,
  periodEnd: `${end}T10:00:00.000Z`,
  numerator,
  denominator,
  rate: numerator / denominator,
  ciLow: 0.2553,
  ciHigh: 0.3662,
});

const diabetes: CreditComparison = {
  creditId: 'credit-1',
  caseId: 't2dm-intensify-cardiorenal',
  caseTitle: { en: 'Type 2 diabetes above goal', es: 'Diabetes tipo 2 por encima del objetivo' },
  creditedAt: '2026-07-29T10:00:00.000Z',
  measureId: 'CMS122',
  before: window('2026-01-30', '2026-07-29', 81, 263),
  // 120 days of a 180-day window so far.
  after: {
    ...window('2026-07-29', '2026-11-26', 0, 40),
    numerator: SUPPRESSED,
    rate: null,
    ciLow: null,
    ciHigh: null,
  },
};

const computed: LearnerOutcomesResponse = {
  computedAt: '2026-11-26T14:00:00.000Z',
  population: { patients: 912, source: 'bulk' },
  windows: { beforeDays: 180, afterDays: 180 },
  measures: [
    {
      id: 'CMS122',
      label: { en: 'CMS122-like: HbA1c > 9 % (poor control)', es: 'Similar a CMS122: HbA1c > 9 %' },
      simplification: { en: 'Latest HbA1c only.', es: 'Solo la última HbA1c.' },
      lowerIsBetter: true,
      basis: 'patient',
    },
  ],
  comparisons: [diabetes],
};

function answer(body: LearnerOutcomesResponse, seen: string[] = []) {
  server.use(
    http.get(OUTCOMES_URL, ({ request }) => {
      seen.push(request.headers.get('authorization') ?? '');
      return HttpResponse.json(body);
    }),
  );
}

const renderPage = (language = 'en', onBack = () => undefined) =>
  renderInLanguage(<OutcomesPage access={fakeCreditAccess()} onBack={onBack} />, language);

test('each measure shows its label, direction, simplification, chart and table', async () => {
  const seen: string[] = [];
  answer(computed, seen);
  renderPage();

  const section = await screen.findByRole('region', {
    name: 'CMS122-like: HbA1c > 9 % (poor control)',
  });
  expect(seen).toEqual([`Bearer ${SESSION_TOKEN}`]);
  expect(within(section).getByText(/Lower is better\. Counted per patient\./)).toBeDefined();
  expect(within(section).getByText('Latest HbA1c only.')).toBeDefined();
  const table = within(section).getByRole('table', {
    name: 'CMS122-like: HbA1c > 9 % (poor control): rate before and after each credit',
  });
  const rows = within(table)
    .getAllByRole('row')
    .map((row) => row.textContent);
  expect(rows[1]).toBe('Type 2 diabetes above goal, credited Jul 29, 2026');
  expect(rows[2]).toBe('BeforeJan 30, 2026 – Jul 29, 20268126331%26–37%');
  expect(rows[3]).toBe('AfterJul 29, 2026 – Nov 26, 2026<1140——');
  const chart = within(section).getByRole('img');
  expect(chart.getAttribute('aria-label')).toBe(
    'Chart of CMS122-like: HbA1c > 9 % (poor control). Credit of Jul 29, 2026: before 31% ' +
      '(95 % interval 26–37%), after not shown (small numbers). The table below gives every number.',
  );
  expect(screen.getByText(/Computed .*2026.* from 912 patients via Bulk Data\./)).toBeDefined();
  expect(
    screen.getByText(/the after window is still short — 120 of 180 days so far/),
  ).toBeDefined();
});

test('the statement is always there, whatever the data', async () => {
  answer({ ...computed, computedAt: null, population: null, measures: [], comparisons: [] });
  renderPage();

  const statement = screen.getByRole('region', { name: 'What these numbers can and cannot say' });
  expect(statement.textContent).toMatch(/associations in your own patients' data, not evidence/);
  expect(statement.textContent).toMatch(/patients, the season, your team, how care is documented/);
  expect(statement.textContent).toMatch(/look at the 95 % interval/);
  expect(statement.textContent).toMatch(/simplified version of the official one/);
  expect(statement.textContent).toMatch(/Patient data never leaves your health system/);
  expect(
    await screen.findByText(
      'Outcomes have not been computed yet — the CME office runs them nightly.',
    ),
  ).toBeDefined();
  expect(screen.queryByRole('table')).toBeNull();
});

test('after a run with no credit linked to a measure, it says so', async () => {
  answer({ ...computed, measures: [], comparisons: [] });
  renderPage();

  expect(
    await screen.findByText(/None of your credits is linked to a quality measure yet/),
  ).toBeDefined();
  expect(screen.queryByRole('table')).toBeNull();
});

test('in Spanish, the statement and the table speak Spanish', async () => {
  answer(computed);
  renderPage('es');

  expect(
    screen.getByRole('region', { name: 'Lo que estas cifras pueden y no pueden decir' })
      .textContent,
  ).toMatch(/no pruebas de que el curso causara el cambio/);
  const table = await screen.findByRole('table', {
    name: 'Similar a CMS122: HbA1c > 9 %: tasa antes y después de cada crédito',
  });
  expect(
    within(table).getByText(/^Diabetes tipo 2 por encima del objetivo, crédito del 29 jul 2026$/),
  ).toBeDefined();
  expect(within(table).getByText('Antes')).toBeDefined();
  expect(screen.getByText(/Cuanto más bajo, mejor\./)).toBeDefined();
});

test('a failure can be retried, and Back returns', async () => {
  answer(computed);
  // Handlers added later answer first: the first request fails, the retry succeeds.
  server.use(http.get(OUTCOMES_URL, () => HttpResponse.json({}, { status: 503 }), { once: true }));
  let back = 0;
  renderPage('en', () => {
    back += 1;
  });
  const user = userEvent.setup();

  await user.click(await screen.findByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('table')).toBeDefined();
  await user.click(screen.getByRole('button', { name: 'Back to suggestions' }));
  expect(back).toBe(1);
});
