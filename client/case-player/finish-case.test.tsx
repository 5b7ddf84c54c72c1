import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { afterEach, expect, test } from 'vitest';
import { App } from '../app';
import { matchingContext } from '../case-picker/test-support/library-fixture';
import {
  RECEIPT,
  completions,
  creditFor,
  type CompletionCall,
} from '../credits/test-support/credit-api';
import {
  EHR_ACCESS_TOKEN,
  SESSION_TOKEN,
  fakeCreditAccess,
} from '../credits/test-support/fake-credit-access';
import { serveLibrary } from '../case-picker/test-support/library-server';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { localLearnerHistory } from '../learner-history/local-learner-history';
import { storedText } from '../learner-history/test-support/fresh-indexeddb';
import { settlePatientContext } from '../patient-context/use-patient-context';
import { pressButton, tabTo } from './test-support/keyboard';
import {
  SPANISH,
  finishSepsisCase,
  playSepsisCaseToKeyPoints,
} from './test-support/play-sepsis-case';

const libraryServer = serveLibrary();
afterEach(cleanup);

function renderApp(language = 'en') {
  const load = () => Promise.resolve(matchingContext());
  return renderInLanguage(
    <App firstLoad={settlePatientContext(load())} reload={load} access={fakeCreditAccess()} />,
    language,
  );
}

const history = () => localLearnerHistory('Practitioner/dr-ada');
const pending = () => history().pendingAttempts();

test('the reflection needs an application to practice before the case can finish', async () => {
  const user = userEvent.setup();
  renderApp();
  await playSepsisCaseToKeyPoints(user);
  const reflection = screen.getByRole('form', { name: 'Point-of-care reflection' });
  const question = within(reflection).getByRole<HTMLTextAreaElement>('textbox', {
    name: '1. Your clinical question',
  });
  expect(question.value).toBe('What should I do next for sepsis-hour-one?');
  const sources = within(reflection).getByRole('list', { name: '2. Sources consulted' });
  expect(within(sources).getAllByRole('listitem')).toHaveLength(2);

  await pressButton(user, 'Finish case');

  const application = within(reflection).getByRole('textbox', {
    name: '3. Application to practice',
  });
  expect(document.activeElement).toBe(application);
  expect(application.getAttribute('aria-invalid')).toBe('true');
  const error = screen.getByText('Describe how you will apply this to your practice.');
  expect(error.id).not.toBe('');
  expect(application.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
  expect(screen.queryByRole('heading', { name: 'Case complete' })).toBeNull();
  expect(await pending()).toEqual([]);
});

test('a finished case is recorded for credit, with the EHR access token in the request only', async () => {
  const calls: CompletionCall[] = [];
  libraryServer.use(completions(calls));
  const user = userEvent.setup();
  renderApp();
  await playSepsisCaseToKeyPoints(user);
  const question = screen.getByRole('textbox', { name: '1. Your clinical question' });
  await tabTo(user, question);
  await user.keyboard('{Control>}a{/Control}{Backspace}');
  await user.keyboard('Fluids for lactate 4.1?');
  await tabTo(user, screen.getByRole('textbox', { name: '3. Application to practice' }));
  await user.keyboard('Re-measure lactate within 2 hours.');

  await pressButton(user, 'Finish case');

  const heading = await screen.findByRole('heading', { name: 'Case complete' });
  expect(document.activeElement).toBe(heading);
  expect(
    screen.getByText('You answered 2 of 3 questions correctly at the first try.'),
  ).toBeTruthy();
  expect(await screen.findByText('0.5 AMA PRA Category 1 Credit™ recorded')).toBeTruthy();
  const [call] = calls;
  expect(calls).toHaveLength(1);
  expect(call?.authorization).toBe(`Bearer ${SESSION_TOKEN}`);
  const { attemptId, startedAt, finishedAt, ...sent } = call!.body;
  expect(attemptId).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  expect(Date.parse(finishedAt)).toBeGreaterThanOrEqual(Date.parse(startedAt));
  expect(sent).toEqual({
    caseId: 'sepsis-hour-one',
    caseVersion: '1.0.0',
    patient: 'pat-1',
    encounter: 'Encounter/enc-1',
    answers: [
      { questionId: 'q1', optionId: 'a' },
      { questionId: 'q2', optionId: 'a' },
      { questionId: 'q3', optionId: 'c' },
    ],
    reflection: {
      clinicalQuestion: 'Fluids for lactate 4.1?',
      sourcesConsulted: ['ssc-2021', 'sep-1'],
      applicationToPractice: 'Re-measure lactate within 2 hours.',
    },
    fhirAccessToken: EHR_ACCESS_TOKEN,
  });
  const creditId = `credit-${attemptId.slice(0, 8)}`;
  expect(screen.getByText(attemptId)).toBeTruthy();
  expect(screen.getByText(/^Receipt: credit /).textContent).toMatch(
    new RegExp(`^Receipt: credit ${creditId}, recorded Nov 26, 2026`),
  );
  const stored = await storedText();
  expect(stored).toContain(creditId);
  expect(stored).toContain(RECEIPT);
  expect(stored).not.toContain(EHR_ACCESS_TOKEN);
  expect(stored).not.toContain(SESSION_TOKEN);
  expect(await pending()).toEqual([]);
  const recorded = await history().recordedCredits();
  expect(recorded.map((kept) => [kept.attemptId, kept.credit.id, kept.receipt])).toEqual([
    [attemptId, creditId, RECEIPT],
  ]);
});

test('offline, the case is saved on this device and "Send now" later sends the same attempt', async () => {
  const calls: CompletionCall[] = [];
  let online = false;
  libraryServer.use(
    completions(calls, (body) =>
      online
        ? HttpResponse.json({ credit: creditFor(body), receipt: RECEIPT })
        : HttpResponse.error(),
    ),
  );
  const user = userEvent.setup();
  renderApp();
  await finishSepsisCase(user);

  expect(
    await screen.findByText('Saved on this device — will be sent when the connection is back.'),
  ).toBeTruthy();
  const [waiting] = await pending();
  expect(waiting?.attemptId).toBe(calls[0]?.body.attemptId);
  expect(await storedText()).not.toContain(EHR_ACCESS_TOKEN);

  online = true;
  await pressButton(user, 'Send now');

  const credit = await screen.findByText('0.5 AMA PRA Category 1 Credit™ recorded');
  // The button went away with what it sent: focus moves to the status that says so.
  await waitFor(() => {
    expect(document.activeElement).toBe(credit.closest('[role="status"]'));
  });
  expect(calls.map((call) => call.body.attemptId)).toEqual([
    waiting?.attemptId,
    waiting?.attemptId,
  ]);
  expect(screen.queryByRole('button', { name: 'Send now' })).toBeNull();
  expect(await pending()).toEqual([]);
});

test('a case left pending is sent again, with the same attempt id, when the app loads next', async () => {
  const calls: CompletionCall[] = [];
  libraryServer.use(completions(calls, () => new HttpResponse(null, { status: 503 })));
  const user = userEvent.setup();
  renderApp();
  await finishSepsisCase(user);
  await screen.findByText('Saved on this device — will be sent when the connection is back.');
  const [waiting] = await pending();

  cleanup();
  libraryServer.use(completions(calls));
  renderApp();

  const notice = await screen.findByText('1 saved case was sent and recorded.');
  expect(notice.closest('[role="status"]')).toBeTruthy();
  expect(calls.map((call) => call.body.attemptId)).toEqual([
    waiting?.attemptId,
    waiting?.attemptId,
  ]);
  expect(await pending()).toEqual([]);
  await screen.findByRole('article', { name: 'Anticoagulation check' });
});

test('the case plays in Spanish when the browser prefers Spanish', async () => {
  const user = userEvent.setup();
  renderApp('es-ES');
  await screen.findByRole('article', { name: 'Sepsis: la primera hora' });
  await pressButton(user, SPANISH.start);

  expect(screen.getByRole('group', { name: '¿Sepsis pregunta 1?' })).toBeTruthy();
  expect(screen.getByRole('region', { name: 'Su paciente' }).textContent).toContain('Lactato');
  expect(screen.getByText('Quedan unos 7 min')).toBeTruthy();
  await pressButton(user, 'Volver a las sugerencias');
  await playSepsisCaseToKeyPoints(user, SPANISH);

  expect(screen.getByRole('heading', { name: 'Puntos clave' })).toBeTruthy();
  expect(screen.getByRole('form', { name: 'Reflexión en el punto de atención' })).toBeTruthy();
  expect(
    screen.getByRole<HTMLTextAreaElement>('textbox', { name: '1. Su pregunta clínica' }).value,
  ).toBe('¿Qué hago ahora con sepsis-hour-one?');
});
