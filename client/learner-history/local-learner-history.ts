import { z } from 'zod';
import type { LearnerHistoryEntry } from '../../core/matcher/match-cases';
import { recordedCreditSchema, refusedAttemptSchema } from './attempt-records';
import { finishedAttemptSchema, type FinishedAttempt } from './finished-attempt';
import type { LearnerHistoryStore } from './learner-history-store';

const STORAGE_PREFIX = 'chartside.learner-history.v1:';

// `recorded` and `refused` came later: histories stored before them still read.
const storedHistorySchema = z.object({
  entries: z.array(
    z.object({
      caseId: z.string(),
      outcome: z.enum(['completed', 'dismissed']),
      at: z.iso.datetime(),
    }),
  ),
  pending: z.array(finishedAttemptSchema),
  recorded: z.array(recordedCreditSchema).default([]),
  refused: z.array(refusedAttemptSchema).default([]),
});
type StoredHistory = z.infer<typeof storedHistorySchema>;

const EMPTY: StoredHistory = { entries: [], pending: [], recorded: [], refused: [] };

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

/** Whether the server has already answered for this attempt (recorded or refused it). */
function answered(history: StoredHistory, attemptId: string): boolean {
  return (
    history.recorded.some((kept) => kept.attemptId === attemptId) ||
    history.refused.some((kept) => kept.attempt.attemptId === attemptId)
  );
}

/**
 * The learner's history in this browser's storage. Unreadable data is moved aside, never
 * overwritten, so no finished case is lost silently. No token is ever written here.
 */
export function localLearnerHistory(
  fhirUser: string | undefined,
  storage: () => Storage = () => window.localStorage,
): LearnerHistoryStore {
  const key = learnerHistoryKey(fhirUser);

  const read = (): StoredHistory => {
    const raw = storage().getItem(key);
    if (raw === null) return EMPTY;
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
    return EMPTY;
  };

  const update = (change: (history: StoredHistory) => StoredHistory): Promise<void> =>
    settle(() => {
      storage().setItem(key, JSON.stringify(change(read())));
    });

  const withoutPending = (history: StoredHistory, attemptId: string) =>
    history.pending.filter((kept) => kept.attemptId !== attemptId);

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
        if (
          history.pending.some((kept) => kept.attemptId === attempt.attemptId) ||
          answered(history, attempt.attemptId)
        ) {
          return history;
        }
        return {
          ...history,
          entries: [
            ...history.entries,
            { caseId: attempt.caseId, outcome: 'completed', at: attempt.finishedAt },
          ],
          pending: [...history.pending, attempt],
        };
      }),
    pendingAttempts: () => settle(() => read().pending),
    markRecorded: (attemptId, response) =>
      update((history) => {
        const record = recordedCreditSchema.parse({ attemptId, ...response });
        return {
          ...history,
          pending: withoutPending(history, attemptId),
          recorded: answered(history, attemptId) ? history.recorded : [...history.recorded, record],
        };
      }),
    markRefused: (attempt, code, at) =>
      update((history) => ({
        ...history,
        pending: withoutPending(history, attempt.attemptId),
        refused: answered(history, attempt.attemptId)
          ? history.refused
          : [
              ...history.refused,
              refusedAttemptSchema.parse({ attempt, code, at: at.toISOString() }),
            ],
      })),
    recordedCredits: () => settle(() => read().recorded),
    refusedAttempts: () => settle(() => read().refused),
  };
}
