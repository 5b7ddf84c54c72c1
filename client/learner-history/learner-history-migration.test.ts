import { expect, test } from 'vitest';
import type { StoredHistory } from './stored-history';
import { learnerHistoryKey, localLearnerHistory } from './local-learner-history';
import { finishedAttempt as attempt, recordedResponse } from './test-support/attempt-fixture';
import { freshIndexedDbPerTest } from './test-support/fresh-indexeddb';

freshIndexedDbPerTest();

const second = attempt({
  attemptId: '7a1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6f',
  finishedAt: '2026-11-26T11:00:00.000Z',
});

const leaveInLocalStorage = (fhirUser: string, history: object) => {
  localStorage.setItem(learnerHistoryKey(fhirUser), JSON.stringify(history));
};

const unavailable = () => Promise.reject(new DOMException('denied', 'InvalidStateError'));

test('what an older version left in localStorage moves to IndexedDB once, then is removed', async () => {
  leaveInLocalStorage('Practitioner/a', {
    entries: [{ caseId: 'aki', outcome: 'dismissed', at: '2026-11-25T09:00:00.000Z' }],
    pending: [attempt()],
  });
  leaveInLocalStorage('Practitioner/b', { entries: [], pending: [second] });

  expect(await localLearnerHistory('Practitioner/a').pendingAttempts()).toEqual([attempt()]);

  expect(localStorage.getItem(learnerHistoryKey('Practitioner/a'))).toBeNull();
  expect(localStorage.getItem(learnerHistoryKey('Practitioner/b'))).not.toBeNull();
  const reloaded = localLearnerHistory('Practitioner/a');
  expect(await reloaded.pendingAttempts()).toEqual([attempt()]);
  expect(await reloaded.loadHistory()).toHaveLength(1);
  expect(await reloaded.recordedCredits()).toEqual([]);
});

test('a migration interrupted before the old copy was removed counts nothing twice', async () => {
  const store = localLearnerHistory('Practitioner/a');
  await store.recordCompletion(attempt());
  await store.markRecorded(attempt().attemptId, recordedResponse);
  leaveInLocalStorage('Practitioner/a', {
    entries: [{ caseId: 'sepsis-hour-one', outcome: 'completed', at: attempt().finishedAt }],
    pending: [attempt(), second],
  });

  const reloaded = localLearnerHistory('Practitioner/a');

  expect(await reloaded.pendingAttempts()).toEqual([second]);
  expect(await reloaded.recordedCredits()).toHaveLength(1);
  expect(await reloaded.loadHistory()).toEqual([
    { caseId: 'sepsis-hour-one', outcome: 'completed', at: attempt().finishedAt },
  ]);
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

test('without IndexedDB the history lives in this tab, and the store says so', async () => {
  const tabMemory = new Map<string, StoredHistory>();
  const inTab = () =>
    localLearnerHistory('Practitioner/a', { tabMemory, openDatabase: unavailable });

  await inTab().recordCompletion(attempt());

  expect(await inTab().persistence()).toBe('tab');
  expect(await inTab().pendingAttempts()).toEqual([attempt()]);
  expect(await localLearnerHistory('Practitioner/a').pendingAttempts()).toEqual([]);
  await expect(inTab().recordCompletion(attempt({ caseVersion: '' }))).rejects.toThrow(
    /caseVersion/,
  );
});

test('a browser with no IndexedDB at all falls back to the tab', async () => {
  const factory = globalThis.indexedDB;
  Reflect.deleteProperty(globalThis, 'indexedDB');
  try {
    const store = localLearnerHistory('Practitioner/a', { tabMemory: new Map() });
    await store.recordDismissal('aki', new Date('2026-11-26T09:00:00Z'));

    expect(await store.persistence()).toBe('tab');
    expect(await store.loadHistory()).toHaveLength(1);
  } finally {
    globalThis.indexedDB = factory;
  }
});

test("in the tab fallback an older version's queue is read but left in localStorage", async () => {
  leaveInLocalStorage('Practitioner/a', { entries: [], pending: [attempt()] });

  const store = localLearnerHistory('Practitioner/a', {
    tabMemory: new Map(),
    openDatabase: unavailable,
  });

  expect(await store.pendingAttempts()).toEqual([attempt()]);
  expect(localStorage.getItem(learnerHistoryKey('Practitioner/a'))).not.toBeNull();
});

test('localStorage the browser blocks is no reason to lose IndexedDB', async () => {
  const blocked = () => {
    throw new DOMException('blocked', 'SecurityError');
  };

  const store = localLearnerHistory('Practitioner/a', { legacyStorage: blocked });
  await store.recordCompletion(attempt());

  expect(await store.persistence()).toBe('device');
  expect(await store.pendingAttempts()).toEqual([attempt()]);
});
