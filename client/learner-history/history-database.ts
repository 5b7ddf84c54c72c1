import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { EMPTY_HISTORY, storedHistorySchema, type StoredHistory } from './stored-history';

const DATABASE = 'chartside';
const HISTORIES = 'learner-histories';

interface ChartsideDatabase extends DBSchema {
  /** One record per learner; validated on every read, since an older version may have written it. */
  'learner-histories': { key: string; value: unknown };
}

export type HistoryDatabase = IDBPDatabase<ChartsideDatabase>;

/**
 * Opens this device's Chartside database. Rejects when IndexedDB is missing, refused (private
 * modes, blocked storage) or blocked by another tab holding an older version open.
 */
export function openHistoryDatabase(): Promise<HistoryDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    openDB<ChartsideDatabase>(DATABASE, 1, {
      upgrade(database) {
        database.createObjectStore(HISTORIES);
      },
      blocked() {
        reject(new Error('IndexedDB is blocked by another tab'));
      },
      blocking(_current, _next, event) {
        // A newer version in another tab wants to upgrade: step aside instead of blocking it.
        (event.target as IDBDatabase).close();
      },
    }).then(resolve, reject);
  });
}

/** The learner's history; unreadable data reads as empty (and is moved aside on the next write). */
export async function readHistory(database: HistoryDatabase, key: string): Promise<StoredHistory> {
  const parsed = storedHistorySchema.safeParse(await database.get(HISTORIES, key));
  return parsed.success ? parsed.data : EMPTY_HISTORY;
}

/**
 * Changes the learner's history in one readwrite transaction, so two tabs never overwrite each
 * other's changes. A change that throws aborts the transaction and rejects with its error.
 */
export async function updateHistory(
  database: HistoryDatabase,
  key: string,
  change: (history: StoredHistory) => StoredHistory,
): Promise<void> {
  const transaction = database.transaction(HISTORIES, 'readwrite');
  const done = transaction.done;
  done.catch(() => undefined);
  try {
    const raw = await transaction.store.get(key);
    const parsed = storedHistorySchema.safeParse(raw);
    if (raw !== undefined && !parsed.success) {
      await transaction.store.put(raw, `${key}:unreadable:${new Date().toISOString()}`);
    }
    await transaction.store.put(change(parsed.success ? parsed.data : EMPTY_HISTORY), key);
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // Already aborted by the failed request itself.
    }
    throw error;
  }
  await done;
}
