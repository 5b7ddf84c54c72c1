import { expect, test } from 'vitest';
import { localLearnerHistory } from './local-learner-history';
import { finishedAttempt as attempt, recordedResponse } from './test-support/attempt-fixture';
import { freshIndexedDbPerTest, storedText } from './test-support/fresh-indexeddb';

freshIndexedDbPerTest();

test('each learner has their own history, kept in IndexedDB under their fhirUser', async () => {
  await localLearnerHistory('Practitioner/a').recordDismissal(
    'aki',
    new Date('2026-11-26T09:00:00Z'),
  );

  expect(await localLearnerHistory('Practitioner/a').loadHistory()).toEqual([
    { caseId: 'aki', outcome: 'dismissed', at: '2026-11-26T09:00:00.000Z' },
  ]);
  expect(await localLearnerHistory('Practitioner/b').loadHistory()).toEqual([]);
  expect(await localLearnerHistory('Practitioner/a').persistence()).toBe('device');
  expect(Object.keys(localStorage)).toEqual([]);
  expect(await storedText()).toContain('"aki"');
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

test('two tabs finishing cases at once both keep theirs', async () => {
  const second = attempt({ attemptId: '7a1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6f' });

  await Promise.all([
    localLearnerHistory('Practitioner/a').recordCompletion(attempt()),
    localLearnerHistory('Practitioner/a').recordCompletion(second),
  ]);

  const ids = (await localLearnerHistory('Practitioner/a').pendingAttempts()).map(
    (kept) => kept.attemptId,
  );
  expect(ids.sort()).toEqual([attempt().attemptId, second.attemptId].sort());
});

test('an attempt that does not fit the schema is refused, not stored', async () => {
  const store = localLearnerHistory('Practitioner/a');
  await store.recordCompletion(attempt());

  await expect(store.recordCompletion(attempt({ attemptId: 'not-a-uuid' }))).rejects.toThrow(
    /attemptId/,
  );
  expect(await store.pendingAttempts()).toEqual([attempt()]);
});

test('a recorded attempt leaves the queue, keeps its credit and receipt, and is never queued again', async () => {
  const store = localLearnerHistory('Practitioner/a');
  await store.recordCompletion(attempt());

  await store.markRecorded(attempt().attemptId, recordedResponse);
  await store.recordCompletion(attempt());

  expect(await store.pendingAttempts()).toEqual([]);
  expect(await store.recordedCredits()).toEqual([
    { attemptId: attempt().attemptId, ...recordedResponse },
  ]);
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

test('no token is ever stored with a finished attempt', async () => {
  const store = localLearnerHistory('Practitioner/a');
  const withToken = { ...attempt(), fhirAccessToken: 'ehr-access-token-4b9d1e' };

  await store.recordCompletion(withToken);
  await store.markRecorded(attempt().attemptId, recordedResponse);

  expect(await storedText()).toContain(attempt().attemptId);
  expect(await storedText()).not.toContain('ehr-access-token-4b9d1e');
});
