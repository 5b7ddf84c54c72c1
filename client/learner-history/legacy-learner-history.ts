import { storedHistorySchema, type StoredHistory } from './stored-history';

const STORAGE_PREFIX = 'chartside.learner-history.v1:';

/** Where versions before IndexedDB kept one learner's history in localStorage. */
export function learnerHistoryKey(fhirUser: string | undefined): string {
  return `${STORAGE_PREFIX}${fhirUser ?? 'unknown-learner'}`;
}

/**
 * What an older version left in localStorage for this learner, if anything. Unreadable data
 * is moved aside under an `:unreadable:` key, never deleted, so no finished case is lost
 * silently. Storage that cannot be read at all (blocked by the browser) counts as empty.
 */
export function readLegacyHistory(storage: () => Storage, key: string): StoredHistory | undefined {
  let raw: string | null;
  try {
    raw = storage().getItem(key);
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const parsed = storedHistorySchema.safeParse(json);
  if (parsed.success) return parsed.data;
  try {
    storage().setItem(`${key}:unreadable:${new Date().toISOString()}`, raw);
    storage().removeItem(key);
  } catch {
    // Left where it is: still not lost, and not read again as a history.
  }
  return undefined;
}

/** Removes the older version's copy once it is safely in IndexedDB. */
export function forgetLegacyHistory(storage: () => Storage, key: string): void {
  try {
    storage().removeItem(key);
  } catch {
    // Read again and merged without duplicates on the next launch.
  }
}
