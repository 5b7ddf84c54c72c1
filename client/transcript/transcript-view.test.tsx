import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, expect, test } from 'vitest';
import type { Credit } from '../../core/wire/completion';
import { App } from '../app';
import { matchingContext } from '../case-picker/test-support/library-fixture';
import { serveLibrary } from '../case-picker/test-support/library-server';
import { pressButton } from '../case-player/test-support/keyboard';
import type { CreditAccess } from '../credits/credit-access';
import {
  CREDITS_URL,
  RECEIPT,
  completions,
  creditFor,
  type CompletionCall,
} from '../credits/test-support/credit-api';
import {
  SESSION_TOKEN,
  fakeCreditAccess,
  unregisteredAccess,
} from '../credits/test-support/fake-credit-access';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import type { FinishedAttempt } from '../learner-history/finished-attempt';
import { localLearnerHistory } from '../learner-history/local-learner-history';
import { settlePatientContext } from '../patient-context/use-patient-context';

const libraryServer = serveLibrary();
afterEach(cleanup);

const year = new Date().getFullYear();
const sepsisCredit = creditFor(
  { attemptId: '11111111-8b7d-4c3a-9e2f-1a2b3c4d5e6f', caseId: 'sepsis-hour-one' },
  { recordedAt: `${year}-03-14T10:08:00.000Z` },
);
const deniedCredit = creditFor(
  { attemptId: '22222222-8b7d-4c3a-9e2f-1a2b3c4d5e6f', caseId: 'anticoagulation-check' },
  {
    awarded: false,
    amount: 0,
    denials: ['BELOW_PASS_MARK'],
    recordedAt: `${year}-02-01T09:00:00.000Z`,
  },
);

/** `GET /api/credits`, answering `credits`; every request URL and authorization is kept. */
function serveCredits(credits: Credit[]) {
  const requests: { url: URL; authorization: string | null }[] = [];
  libraryServer.use(
    http.get(CREDITS_URL, ({ request }) => {
      requests.push({
        url: new URL(request.url),
        authorization: request.headers.get('authorization'),
      });
      // As the server sums them: AMA PRA credit, and participation apart.
      const sum = (participation: boolean) =>
        credits
          .filter((credit) => credit.creditType.startsWith('Participation') === participation)
          .reduce((total, credit) => total + credit.amount, 0);
      return HttpResponse.json({
        period: { from: `${year}-01-01`, to: `${year}-12-31` },
        total: sum(false),
        ...(sum(true) > 0 && { participationTotal: sum(true) }),
        credits,
      });
    }),
  );
  return requests;
}

function renderApp(options: { language?: string; access?: CreditAccess } = {}) {
  const load = () => Promise.resolve(matchingContext());
  return renderInLanguage(
    <App
      firstLoad={settlePatientContext(load())}
      reload={load}
      access={options.access ?? fakeCreditAccess()}
    />,
    options.language,
  );
}

test('"My credits" lists this year\'s credits with date, case, amount and the total', async () => {
  const requests = serveCredits([sepsisCredit, deniedCredit]);
  const user = userEvent.setup();
  renderApp();
  await screen.findByRole('article', { name: 'Sepsis: the first hour' });

  await pressButton(user, 'My credits');

  const heading = screen.getByRole('heading', { level: 2, name: 'My credits' });
  expect(document.activeElement).toBe(heading);
  const table = await screen.findByRole('table', { name: `Credits recorded in ${year}` });
  const rows = within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.children, (cell) => cell.textContent));
  expect(rows).toEqual([
    ['Date', 'Case', 'Credit', 'Certificate'],
    [`Mar 14, ${year}`, 'Sepsis: the first hour', '0.5', 'Certificate (PDF)'],
    [`Feb 1, ${year}`, 'Anticoagulation check', 'No credit', 'Certificate (PDF)'],
    ['Total', '0.5', ''],
  ]);
  expect(screen.getByText(`Total in ${year}: 0.5 AMA PRA Category 1 Credit™`)).toBeTruthy();
  expect(requests.map(({ url }) => url.search)).toEqual([`?from=${year}-01-01&to=${year}-12-31`]);
  expect(requests[0]?.authorization).toBe(`Bearer ${SESSION_TOKEN}`);

  await pressButton(user, 'Back to suggestions');
  expect(document.activeElement).toBe(
    screen.getByRole('heading', { name: 'Micro-case for this patient' }),
  );
});

test('participation (professions other than physicians) is shown as such and totalled apart', async () => {
  const participation = creditFor(
    { attemptId: '33333333-8b7d-4c3a-9e2f-1a2b3c4d5e6f', caseId: 'sepsis-hour-one' },
    {
      creditType: 'Participation in an AMA PRA Category 1 Credit activity',
      recordedAt: `${year}-04-02T10:08:00.000Z`,
    },
  );
  serveCredits([participation]);
  const user = userEvent.setup();
  renderApp();
  await screen.findByRole('article', { name: 'Sepsis: the first hour' });
  await pressButton(user, 'My credits');

  const table = await screen.findByRole('table', { name: `Credits recorded in ${year}` });
  const rows = within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.children, (cell) => cell.textContent));
  expect(rows).toEqual([
    ['Date', 'Case', 'Credit', 'Certificate'],
    [`Apr 2, ${year}`, 'Sepsis: the first hour', '0.5 participation', 'Certificate (PDF)'],
    ['Total', '0', ''],
  ]);
  expect(screen.getByText(`Total in ${year}: 0 AMA PRA Category 1 Credit™`)).toBeTruthy();
  expect(
    screen.getByText(
      `Participation in ${year}: activities designated for 0.5 AMA PRA Category 1 Credit™`,
    ),
  ).toBeTruthy();
});
test('with no credits yet, the transcript says so', async () => {
  serveCredits([]);
  const user = userEvent.setup();
  renderApp();
  await screen.findByRole('article', { name: 'Sepsis: the first hour' });

  await pressButton(user, 'My credits');

  expect(
    await screen.findByText(
      `No credits recorded in ${year} yet. Finish a micro-case from a patient's chart to earn one.`,
    ),
  ).toBeTruthy();
  expect(screen.queryByRole('table')).toBeNull();
});

test('without a sign-in the transcript says what happened and what to do', async () => {
  const user = userEvent.setup();
  renderApp({ access: unregisteredAccess() });
  await screen.findByRole('article', { name: 'Sepsis: the first hour' });

  await pressButton(user, 'My credits');

  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('This EHR is not registered with Chartside');
  expect(alert.textContent).toContain('You can still play the cases; tell your EHR administrator.');
});

test('cases kept on this device are listed, and "Send now" sends them and refreshes the list', async () => {
  const store = localLearnerHistory('Practitioner/dr-ada');
  const finished: FinishedAttempt = {
    attemptId: sepsisCredit.attemptId,
    caseId: 'sepsis-hour-one',
    caseVersion: '1.0.0',
    encounterId: 'enc-1',
    openedFrom: 'card',
    matchedCriteria: [],
    language: 'en',
    startedAt: `${year}-03-14T10:00:00.000Z`,
    finishedAt: `${year}-03-14T10:07:00.000Z`,
    answers: [{ questionId: 'q1', optionId: 'a', correct: true }],
    reflection: {
      clinicalQuestion: 'Q?',
      sourcesConsulted: ['ssc-2021'],
      applicationToPractice: 'A.',
    },
  };
  await store.recordCompletion(finished);
  await store.markRefused(
    { ...finished, attemptId: deniedCredit.attemptId, caseId: 'anticoagulation-check' },
    'ENCOUNTER_NOT_ACCESSIBLE',
    new Date(),
  );
  const calls: CompletionCall[] = [];
  let online = false;
  libraryServer.use(
    completions(calls, (body) =>
      online
        ? HttpResponse.json({ credit: creditFor(body), receipt: RECEIPT })
        : HttpResponse.error(),
    ),
  );
  const credits: Credit[] = [];
  serveCredits(credits);
  const user = userEvent.setup();
  renderApp();
  await screen.findByText('Saved on this device — will be sent when the connection is back.');

  await pressButton(user, 'My credits');

  const device = screen.getByRole('region', { name: 'On this device' });
  const waiting = within(device).getByRole('list', { name: 'Waiting to be sent' });
  expect(within(waiting).getByText('Sepsis: the first hour')).toBeTruthy();
  const refused = within(device).getByRole('list', { name: 'Could not be verified — no credit' });
  expect(within(refused).getByText('Anticoagulation check')).toBeTruthy();
  expect(within(refused).getByText('The encounter could not be verified')).toBeTruthy();

  online = true;
  credits.push(sepsisCredit);
  await pressButton(user, 'Send now');

  expect(await screen.findByText('1 saved case was sent and recorded.')).toBeTruthy();
  const table = await screen.findByRole('table', { name: `Credits recorded in ${year}` });
  expect(within(table).getByText('Sepsis: the first hour')).toBeTruthy();
  expect(screen.queryByRole('list', { name: 'Waiting to be sent' })).toBeNull();
  expect(calls.map((call) => call.body.attemptId)).toEqual([
    finished.attemptId,
    finished.attemptId,
  ]);
});

test('the transcript reads in Spanish', async () => {
  serveCredits([sepsisCredit]);
  const user = userEvent.setup();
  renderApp({ language: 'es-ES' });
  await screen.findByRole('article', { name: 'Sepsis: la primera hora' });

  await pressButton(user, 'Mis créditos');

  const table = await screen.findByRole('table', { name: `Créditos registrados en ${year}` });
  expect(within(table).getByText('Sepsis: la primera hora')).toBeTruthy();
  expect(within(table).getByText(`14 mar ${year}`)).toBeTruthy();
  expect(screen.getByText(`Total en ${year}: 0,5 AMA PRA Category 1 Credit™`)).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Volver a las sugerencias' })).toBeTruthy();
});
