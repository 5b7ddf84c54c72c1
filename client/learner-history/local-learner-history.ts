import { openHistoryDatabase, readHistory, updateHistory } from './history-database';
import type { HistoryPersistence, LearnerHistoryStore } from './learner-history-store';
import {
  forgetLegacyHistory,
  learnerHistoryKey,
  readLegacyHistory,
} from './legacy-learner-history';
import {
  EMPTY_HISTORY,
  mergeHistories,
  withCompletion,
  withDismissal,
  withRecorded,
  withRefused,
  type StoredHistory,
} from './stored-history';

export { learnerHistoryKey } from './legacy-learner-history';

type Change = (history: StoredHistory) => StoredHistory;

interface HistoryBackend {
  persistence: HistoryPersistence;
  read: () => Promise<StoredHistory>;
  update: (change: Change) => Promise<void>;
}

/** Histories kept in this tab's memory when IndexedDB cannot be used: gone when the tab closes. */
const tabHistories = new Map<string, StoredHistory>();

export interface LocalHistoryOptions {
  /** Where an older version kept histories, to migrate from once. */
  legacyStorage?: () => Storage;
  /** The tab's memory fallback (tests pass their own). */
  tabMemory?: Map<string, StoredHistory>;
  /** Opens IndexedDB (tests make it fail to check the fallback). */
  openDatabase?: typeof openHistoryDatabase;
}

/** The IndexedDB key of one learner: their raw `fhirUser` claim, or a shared key without one. */
export function historyRecordKey(fhirUser: string | undefined): string {
  return fhirUser ?? 'unknown-learner';
}

async function openBackend(
  fhirUser: string | undefined,
  options: Required<LocalHistoryOptions>,
): Promise<HistoryBackend> {
  const key = historyRecordKey(fhirUser);
  const legacyKey = learnerHistoryKey(fhirUser);
  const legacy = readLegacyHistory(options.legacyStorage, legacyKey);
  try {
    const database = await options.openDatabase();
    if (legacy !== undefined) {
      await updateHistory(database, key, (current) => mergeHistories(current, legacy));
      forgetLegacyHistory(options.legacyStorage, legacyKey);
    }
    return {
      persistence: 'device',
      read: () => readHistory(database, key),
      update: (change) => updateHistory(database, key, change),
    };
  } catch {
    // Private modes and blocked storage: the localStorage copy, if any, stays where it is.
    const memory = options.tabMemory;
    if (!memory.has(key)) memory.set(key, legacy ?? EMPTY_HISTORY);
    return {
      persistence: 'tab',
      read: () => Promise.resolve(memory.get(key) ?? EMPTY_HISTORY),
      update: (change) => {
        try {
          memory.set(key, change(memory.get(key) ?? EMPTY_HISTORY));
          return Promise.resolve();
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
    };
  }
}

/**
 * The learner's history on this device (DESIGN.md §4: no finished case is lost): one IndexedDB
 * record per learner, changed in one transaction each; what an older version left in
 * localStorage joins it once and is then removed. Without IndexedDB it lives in this tab's
 * memory, and `persistence()` says so. No token is ever written here.
 */
export function localLearnerHistory(
  fhirUser: string | undefined,
  options: LocalHistoryOptions = {},
): LearnerHistoryStore {
  let opened: Promise<HistoryBackend> | undefined;
  const backend = () =>
    (opened ??= openBackend(fhirUser, {
      legacyStorage: options.legacyStorage ?? (() => window.localStorage),
      tabMemory: options.tabMemory ?? tabHistories,
      openDatabase: options.openDatabase ?? openHistoryDatabase,
    }));
  const read = async () => (await backend()).read();
  const update = async (change: Change) => (await backend()).update(change);

  return {
    persistence: async () => (await backend()).persistence,
    loadHistory: async () => (await read()).entries,
    recordDismissal: (caseId, at) => update(withDismissal(caseId, at)),
    recordCompletion: (attempt) => update(withCompletion(attempt)),
    pendingAttempts: async () => (await read()).pending,
    markRecorded: (attemptId, response) => update(withRecorded(attemptId, response)),
    markRefused: (attempt, code, at) => update(withRefused(attempt, code, at)),
    recordedCredits: async () => (await read()).recorded,
    refusedAttempts: async () => (await read()).refused,
  };
}
