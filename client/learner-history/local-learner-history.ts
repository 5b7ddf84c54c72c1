import { z } from 'zod';
import type { LearnerHistoryEntry } from '../../core/matcher/match-cases';
import { finishedAttemptSchema, type FinishedAttempt } from './finished-attempt';
import type { LearnerHistoryStore } from './learner-history-store';

const STORAGE_PREFIX = 'chartside.learner-history.v1:';

const storedHistorySchema = z.object({
  entries: z.array(
    z.object({
      caseId: z.string(),
      outcome: z.enum(['completed', 'dismissed']),
      at: z.iso.datetime(),
    }),
  ),
  pending: z.array(finishedAttemptSchema),
});
type StoredHistory = z.infer<typeof storedHistorySchema>;

/** The storage key of one learner: their raw `fhirUser` claim, or a shared key without one. */
export function learnerHistoryKey(fhirUser: string | undefined): string {
  return `${STORAGE_PREFIX}${fhirUser ?? 'unknown-learner'}`;
}

/** Runs a storage operation as a promise: blocked or full storage becomes a rejection. */
function settle<T>(operation: () => T): Promise<T> {
  try {
    return Promise.resolve(operation());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * The learner's history in this browser's storage, until the server records completions.
 * Unreadable data is moved aside, never overwritten, so no finished case is lost silently.
 */
export function localLearnerHistory(
  fhirUser: string | undefined,
  storage: () => Storage = () => window.localStorage,
): LearnerHistoryStore {
  const key = learnerHistoryKey(fhirUser);

  const read = (): StoredHistory => {
    const raw = storage().getItem(key);
    if (raw === null) return { entries: [], pending: [] };
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      json = undefined;
    }
    const parsed = storedHistorySchema.safeParse(json);
    if (parsed.success) return parsed.data;
    storage().setItem(`${key}:unreadable:${new Date().toISOString()}`, raw);
    storage().removeItem(key);
    return { entries: [], pending: [] };
  };

  const update = (change: (history: StoredHistory) => StoredHistory): Promise<void> =>
    settle(() => {
      storage().setItem(key, JSON.stringify(change(read())));
    });

  return {
    loadHistory: () => settle<LearnerHistoryEntry[]>(() => read().entries),
    recordDismissal: (caseId, at) =>
      update((history) => ({
        ...history,
        entries: [...history.entries, { caseId, outcome: 'dismissed', at: at.toISOString() }],
      })),
    recordCompletion: (unchecked: FinishedAttempt) =>
      update((history) => {
        // Parsed before storing: one malformed attempt must not make the whole queue unreadable.
        const attempt = finishedAttemptSchema.parse(unchecked);
        return history.pending.some((kept) => kept.attemptId === attempt.attemptId)
          ? history
          : {
              entries: [
                ...history.entries,
                { caseId: attempt.caseId, outcome: 'completed', at: attempt.finishedAt },
              ],
              pending: [...history.pending, attempt],
            };
      }),
    pendingAttempts: () => settle(() => read().pending),
  };
}
