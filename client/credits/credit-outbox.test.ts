import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { FinishedAttempt } from '../learner-history/finished-attempt';
import { localLearnerHistory } from '../learner-history/local-learner-history';
import { freshIndexedDbPerTest } from '../learner-history/test-support/fresh-indexeddb';
import { createCreditOutbox } from './credit-outbox';
import {
  RECEIPT,
  completions,
  creditFor,
  refusal,
  type CompletionCall,
} from './test-support/credit-api';
import { EHR_ACCESS_TOKEN, fakeCreditAccess } from './test-support/fake-credit-access';

const server = setupServer();
freshIndexedDbPerTest();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

const attempt = (n: number, overrides: Partial<FinishedAttempt> = {}): FinishedAttempt => ({
  attemptId: `6f1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6${n}`,
  caseId: 'sepsis-hour-one',
  caseVersion: '1.0.0',
  encounterId: 'enc-1',
  openedFrom: 'card',
  matchedCriteria: [],
  language: 'en',
  startedAt: '2026-11-26T10:00:00.000Z',
  finishedAt: `2026-11-26T10:0${n}:00.000Z`,
  answers: [{ questionId: 'q1', optionId: 'a', correct: true }],
  reflection: {
    clinicalQuestion: 'Fluids for lactate 4.1?',
    sourcesConsulted: ['ssc-2021'],
    applicationToPractice: 'Re-measure lactate.',
  },
  ...overrides,
});

async function queued(...attempts: FinishedAttempt[]) {
  const store = localLearnerHistory('Practitioner/dr-ada');
  for (const each of attempts) await store.recordCompletion(each);
  return store;
}

const outboxOf = (store: Awaited<ReturnType<typeof queued>>) =>
  createCreditOutbox({ store, access: fakeCreditAccess(), patientId: 'pat-1' });

test('at launch the queue is sent once, oldest first, however often start is called', async () => {
  const calls: CompletionCall[] = [];
  server.use(completions(calls));
  const store = await queued(attempt(1), attempt(2));
  const outbox = outboxOf(store);

  outbox.start();
  outbox.start();
  await expect.poll(() => outbox.getState().lastRound).toEqual({ recorded: 2, refused: 0 });

  expect(calls.map((call) => call.body.attemptId)).toEqual([
    attempt(1).attemptId,
    attempt(2).attemptId,
  ]);
  expect(calls.every((call) => call.body.fhirAccessToken === EHR_ACCESS_TOKEN)).toBe(true);
  expect(await store.pendingAttempts()).toEqual([]);
  expect((await store.recordedCredits()).map((kept) => kept.attemptId)).toEqual([
    attempt(1).attemptId,
    attempt(2).attemptId,
  ]);
});

test('the same attempt sent twice at once is one request', async () => {
  const calls: CompletionCall[] = [];
  server.use(completions(calls));
  const outbox = outboxOf(await queued(attempt(1)));

  const [first, second] = await Promise.all([outbox.submit(attempt(1)), outbox.submit(attempt(1))]);

  expect(calls).toHaveLength(1);
  expect(first).toBe(second);
  expect(first).toMatchObject({ status: 'recorded', receipt: RECEIPT });
});

test('a round stops at the first network failure and says why', async () => {
  const calls: CompletionCall[] = [];
  server.use(completions(calls, () => HttpResponse.error()));
  const store = await queued(attempt(1), attempt(2));
  const outbox = outboxOf(store);

  await outbox.sendPending();

  expect(calls).toHaveLength(1);
  expect(outbox.getState().lastRound).toMatchObject({
    recorded: 0,
    refused: 0,
    error: { code: 'SERVER_UNAVAILABLE' },
  });
  expect(outbox.getState().pending.map((kept) => kept.attemptId)).toEqual([
    attempt(1).attemptId,
    attempt(2).attemptId,
  ]);
});

test("an attempt from another patient's encounter is refused for good; the rest are sent", async () => {
  const calls: CompletionCall[] = [];
  server.use(
    completions(calls, (body) =>
      body.encounter === 'Encounter/enc-old'
        ? refusal(403, 'ENCOUNTER_PATIENT_MISMATCH')
        : HttpResponse.json({ credit: creditFor(body), receipt: RECEIPT }),
    ),
  );
  const store = await queued(attempt(1, { encounterId: 'enc-old' }), attempt(2));
  const outbox = outboxOf(store);

  await outbox.sendPending();
  await outbox.sendPending();

  expect(calls.map((call) => call.body.encounter)).toEqual([
    'Encounter/enc-old',
    'Encounter/enc-1',
  ]);
  expect(calls[0]?.body.patient).toBe('pat-1');
  expect(outbox.getState().pending).toEqual([]);
  expect(outbox.getState().refused.map((kept) => kept.code)).toEqual([
    'ENCOUNTER_PATIENT_MISMATCH',
  ]);
  expect(outbox.getState().outcomes.get(attempt(1).attemptId)).toMatchObject({
    status: 'refused',
    error: { code: 'ENCOUNTER_PATIENT_MISMATCH' },
  });
});

test('a 401 keeps the attempt pending for the next launch', async () => {
  server.use(completions([], () => refusal(401, 'SESSION_INVALID')));
  const store = await queued(attempt(1));

  const outcome = await outboxOf(store).submit(attempt(1));

  expect(outcome).toMatchObject({ status: 'pending', error: { code: 'SESSION_INVALID' } });
  expect(await store.pendingAttempts()).toEqual([attempt(1)]);
  expect(await store.refusedAttempts()).toEqual([]);
});

test('a device that keeps the queue only in this tab says so', async () => {
  const store = localLearnerHistory('Practitioner/dr-ada', {
    tabMemory: new Map(),
    openDatabase: () => Promise.reject(new Error('IndexedDB is not available')),
  });
  const outbox = outboxOf(store);
  expect(outbox.getState().keptInTabOnly).toBe(false);

  outbox.start();

  await expect.poll(() => outbox.getState().keptInTabOnly).toBe(true);
});
