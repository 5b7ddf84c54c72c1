import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { afterEach, expect, test } from 'vitest';
import type { PatientContext } from '../../core/patient-context';
import { App } from '../app';
import { matchingContext } from '../case-picker/test-support/library-fixture';
import { serveLibrary } from '../case-picker/test-support/library-server';
import { SPANISH, finishSepsisCase } from '../case-player/test-support/play-sepsis-case';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { localLearnerHistory } from '../learner-history/local-learner-history';
import { settlePatientContext } from '../patient-context/use-patient-context';
import type { CreditAccess } from './credit-access';
import {
  RECEIPT,
  completions,
  creditFor,
  refusal,
  type CompletionCall,
} from './test-support/credit-api';
import { fakeCreditAccess, unregisteredAccess } from './test-support/fake-credit-access';

const libraryServer = serveLibrary();
afterEach(cleanup);

function renderApp(
  options: { language?: string; context?: PatientContext; access?: CreditAccess } = {},
) {
  const load = () => Promise.resolve(options.context ?? matchingContext());
  return renderInLanguage(
    <App
      firstLoad={settlePatientContext(load())}
      reload={load}
      access={options.access ?? fakeCreditAccess()}
    />,
    options.language,
  );
}

const history = () => localLearnerHistory('Practitioner/dr-ada');

test('no credit comes with each reason in plain words, and the receipt', async () => {
  libraryServer.use(
    completions([], (body) =>
      HttpResponse.json({
        credit: creditFor(body, {
          awarded: false,
          amount: 0,
          denials: ['CONTENT_NOT_REVIEWED', 'ALREADY_CREDITED_TODAY'],
        }),
        receipt: RECEIPT,
      }),
    ),
  );
  const user = userEvent.setup();
  renderApp();
  await finishSepsisCase(user);

  const line = await screen.findByText('Completed — no credit:');
  const status = line.closest<HTMLElement>('[role="status"]')!;
  expect(
    within(status)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual([
    'This case has not yet been reviewed by a clinician reviewer, so it cannot carry credit yet.',
    'You already earned credit for this case today.',
  ]);
  expect(within(status).getByText(/^Receipt: credit credit-/)).toBeTruthy();
  expect(screen.queryByText(/AMA PRA Category 1 Credit™ recorded/)).toBeNull();
});

test('a learner of another profession than physician is told participation was recorded', async () => {
  libraryServer.use(
    completions([], (body) =>
      HttpResponse.json({
        credit: creditFor(body, {
          creditType: 'Participation in an AMA PRA Category 1 Credit activity',
        }),
        receipt: RECEIPT,
      }),
    ),
  );
  const user = userEvent.setup();
  renderApp();
  await finishSepsisCase(user);

  expect(
    await screen.findByText(
      'Participation recorded in an activity designated for 0.5 AMA PRA Category 1 Credit™ (that credit is for physicians; your certificate documents participation)',
    ),
  ).toBeTruthy();
  expect(screen.queryByText(/AMA PRA Category 1 Credit™ recorded/)).toBeNull();
});

test('a final refusal is shown, kept for the record, and never sent again', async () => {
  const calls: CompletionCall[] = [];
  libraryServer.use(completions(calls, () => refusal(403, 'ENCOUNTER_NOT_ACCESSIBLE')));
  const user = userEvent.setup();
  renderApp();
  await finishSepsisCase(user);

  expect(
    await screen.findByText('Completed — no credit: The encounter could not be verified'),
  ).toBeTruthy();
  expect(
    screen.getByText(/The completion is kept on this device for your records\.$/),
  ).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Send now' })).toBeNull();
  expect(await history().pendingAttempts()).toEqual([]);
  expect((await history().refusedAttempts()).map((kept) => kept.code)).toEqual([
    'ENCOUNTER_NOT_ACCESSIBLE',
  ]);

  cleanup();
  renderApp();
  await screen.findByRole('article', { name: 'Anticoagulation check' });
  expect(calls).toHaveLength(1);
  expect(screen.queryByText(/saved on this device/)).toBeNull();
});

test('without a sign-in to Chartside the case still plays, and stays saved for the next launch', async () => {
  const calls: CompletionCall[] = [];
  libraryServer.use(completions(calls));
  const user = userEvent.setup();
  renderApp({ access: unregisteredAccess() });
  await finishSepsisCase(user);

  const note = await screen.findByText(/^Saved on this device — it will be sent the next time/);
  expect(note.textContent).toContain('This EHR is not registered with Chartside.');
  expect(screen.queryByRole('button', { name: 'Send now' })).toBeNull();
  expect(calls).toHaveLength(0);
  expect(await history().pendingAttempts()).toHaveLength(1);
});

test('an expired EHR access token keeps the case for the next launch, without a request', async () => {
  const calls: CompletionCall[] = [];
  libraryServer.use(completions(calls));
  const user = userEvent.setup();
  renderApp({ access: fakeCreditAccess({ accessToken: undefined }) });
  await finishSepsisCase(user);

  const note = await screen.findByText(/^Saved on this device — it will be sent the next time/);
  expect(note.textContent).toContain('Your EHR session has expired.');
  expect(calls).toHaveLength(0);
});

test('a launch without an encounter says so before and after the case, and sends nothing', async () => {
  const calls: CompletionCall[] = [];
  libraryServer.use(completions(calls));
  const context = matchingContext();
  const user = userEvent.setup();
  renderApp({ context: { ...context, launch: { ...context.launch, encounterId: undefined } } });

  expect(
    await screen.findByText(/^Chartside was opened without an encounter: you can play the cases/),
  ).toBeTruthy();
  await finishSepsisCase(user);

  expect(
    await screen.findByText('Completed — no credit: Chartside was opened without an encounter'),
  ).toBeTruthy();
  expect(calls).toHaveLength(0);
});

test('the credit outcome reads in Spanish', async () => {
  libraryServer.use(completions([]));
  const user = userEvent.setup();
  renderApp({ language: 'es-ES' });
  await finishSepsisCase(user, SPANISH);

  expect(await screen.findByText('Se registró 0,5 AMA PRA Category 1 Credit™')).toBeTruthy();
  expect(
    screen.getByText(/^Comprobante: crédito credit-.+, registrado el 26 nov 2026/),
  ).toBeTruthy();
});

test('offline in Spanish: saved on this device, with "Enviar ahora"', async () => {
  libraryServer.use(completions([], () => HttpResponse.error()));
  const user = userEvent.setup();
  renderApp({ language: 'es-ES' });
  await finishSepsisCase(user, SPANISH);

  expect(
    await screen.findByText('Guardado en este dispositivo; se enviará cuando vuelva la conexión.'),
  ).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Enviar ahora' })).toBeTruthy();
});

test('a browser that keeps nothing on this device: the case is kept in this tab, and it says so', async () => {
  libraryServer.use(completions([], () => HttpResponse.error()));
  const factory = globalThis.indexedDB;
  Reflect.deleteProperty(globalThis, 'indexedDB');
  try {
    const user = userEvent.setup();
    renderApp();
    await finishSepsisCase(user);

    expect(
      await screen.findByText(
        /^Saved in this tab only: your browser does not let Chartside keep it on this device/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send now' })).toBeTruthy();
  } finally {
    globalThis.indexedDB = factory;
  }
});

test('the receipt of a recorded credit offers its certificate', async () => {
  libraryServer.use(completions([]));
  const user = userEvent.setup();
  renderApp();
  await finishSepsisCase(user);

  await screen.findByText('0.5 AMA PRA Category 1 Credit™ recorded');
  expect(screen.getByRole('button', { name: 'Certificate (PDF)' })).toBeTruthy();
});
