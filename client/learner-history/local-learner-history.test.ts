import { afterEach, expect, test } from 'vitest';
import type { FinishedAttempt } from './finished-attempt';
import { learnerHistoryKey, localLearnerHistory } from './local-learner-history';

afterEach(() => {
  localStorage.clear();
});

const attempt = (overrides: Partial<FinishedAttempt> = {}): FinishedAttempt => ({
  attemptId: '6f1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6f',
  caseId: 'sepsis-hour-one',
  caseVersion: '1.0.0',
  encounterId: 'enc-1',
  openedFrom: 'card',
  matchedCriteria: ['lactate'],
  language: 'en',
  startedAt: '2026-11-26T10:00:00.000Z',
  finishedAt: '2026-11-26T10:07:00.000Z',
  answers: [{ questionId: 'q1', optionId: 'a', correct: true }],
  reflection: {
    clinicalQuestion: 'Fluids?',
    sourcesConsulted: ['ssc-2021'],
    applicationToPractice: 'Re-measure lactate.',
  },
  ...overrides,
});

test('each learner has their own history, kept under their fhirUser', async () => {
  await localLearnerHistory('Practitioner/a').recordDismissal(
    'aki',
    new Date('2026-11-26T09:00:00Z'),
  );

  expect(await localLearnerHistory('Practitioner/a').loadHistory()).toEqual([
    { caseId: 'aki', outcome: 'dismissed', at: '2026-11-26T09:00:00.000Z' },
  ]);
  expect(await localLearnerHistory('Practitioner/b').loadHistory()).toEqual([]);
  expect(localStorage.getItem(learnerHistoryKey('Practitioner/a'))).toContain('"aki"');
});

test('a finished attempt is queued once, survives a new store, and counts as a completion', async () => {
  await localLearnerHistory('Practitioner/a').recordCompletion(attempt());
  await localLearnerHistory('Practitioner/a').recordCompletion(attempt());

  const reloaded = localLearnerHistory('Practitioner/a');
  expect(await reloaded.pendingAttempts()).toEqual([attempt()]);
  expect(await reloaded.loadHistory()).toEqual([
    { caseId: 'sepsis-hour-one', outcome: 'completed', at: '2026-11-26T10:07:00.000Z' },
  ]);
});

test('an attempt that does not fit the schema is refused, not stored', async () => {
  const store = localLearnerHistory('Practitioner/a');

  await expect(store.recordCompletion(attempt({ attemptId: 'not-a-uuid' }))).rejects.toThrow();
  expect(await store.pendingAttempts()).toEqual([]);
});

test('unreadable stored history is moved aside, never overwritten', async () => {
  const key = learnerHistoryKey('Practitioner/a');
  localStorage.setItem(key, '{"pending": "garbled"');

  await localLearnerHistory('Practitioner/a').recordDismissal('aki', new Date());

  const kept = Object.keys(localStorage).filter((name) => name.startsWith(`${key}:unreadable:`));
  expect(kept).toHaveLength(1);
  expect(localStorage.getItem(kept[0]!)).toBe('{"pending": "garbled"');
  expect(await localLearnerHistory('Practitioner/a').loadHistory()).toHaveLength(1);
});

test('storage that refuses to write becomes a rejected promise', async () => {
  const full = {
    getItem: () => null,
    setItem: () => {
      throw new DOMException('full', 'QuotaExceededError');
    },
    removeItem: () => undefined,
  } as unknown as Storage;

  await expect(
    localLearnerHistory('Practitioner/a', () => full).recordCompletion(attempt()),
  ).rejects.toThrow('full');
});

const response = {
  credit: {
    id: 'credit-1',
    attemptId: attempt().attemptId,
    caseId: 'sepsis-hour-one',
    caseVersion: '1.0.0',
    awarded: true,
    amount: 0.5,
    creditType: 'AMA PRA Category 1 Credit',
    format: 'internet-poc' as const,
    denials: [],
    score: 1,
    recordedAt: '2026-11-26T10:08:00.000Z',
    encounter: { reference: 'https://ehr.test/fhir/Encounter/enc-1' },
  },
  receipt: 'header.payload.signature',
};

test('a recorded attempt leaves the queue, keeps its credit and receipt, and is never queued again', async () => {
  const store = localLearnerHistory('Practitioner/a');
  await store.recordCompletion(attempt());

  await store.markRecorded(attempt().attemptId, response);
  await store.recordCompletion(attempt());

  expect(await store.pendingAttempts()).toEqual([]);
  expect(await store.recordedCredits()).toEqual([{ attemptId: attempt().attemptId, ...response }]);
  expect(await store.loadHistory()).toHaveLength(1);
});

test('a refused attempt leaves the queue and is kept for the record with its code', async () => {
  const store = localLearnerHistory('Practitioner/a');
  await store.recordCompletion(attempt());

  await store.markRefused(attempt(), 'ENCOUNTER_NOT_ACCESSIBLE', new Date('2026-11-27T08:00:00Z'));

  expect(await store.pendingAttempts()).toEqual([]);
  expect(await store.refusedAttempts()).toEqual([
    { attempt: attempt(), code: 'ENCOUNTER_NOT_ACCESSIBLE', at: '2026-11-27T08:00:00.000Z' },
  ]);
});

test('a history stored before credits were recorded still reads, its queue intact', async () => {
  localStorage.setItem(
    learnerHistoryKey('Practitioner/a'),
    JSON.stringify({ entries: [], pending: [attempt()] }),
  );

  const store = localLearnerHistory('Practitioner/a');

  expect(await store.pendingAttempts()).toEqual([attempt()]);
  expect(await store.recordedCredits()).toEqual([]);
  expect(await store.refusedAttempts()).toEqual([]);
});
