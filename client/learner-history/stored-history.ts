import { z } from 'zod';
import type { LearnerHistoryEntry } from '../../core/matcher/match-cases';
import type { CompletionResponse } from '../../core/wire/completion';
import { recordedCreditSchema, refusedAttemptSchema } from './attempt-records';
import { finishedAttemptSchema, type FinishedAttempt } from './finished-attempt';

// `recorded` and `refused` came later: histories stored before them still read.
export const storedHistorySchema = z.object({
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
/** Everything kept about one learner on this device, as one record. */
export type StoredHistory = z.infer<typeof storedHistorySchema>;

export const EMPTY_HISTORY: StoredHistory = { entries: [], pending: [], recorded: [], refused: [] };

/** Whether the server has already answered for this attempt (recorded or refused it). */
function answered(history: StoredHistory, attemptId: string): boolean {
  return (
    history.recorded.some((kept) => kept.attemptId === attemptId) ||
    history.refused.some((kept) => kept.attempt.attemptId === attemptId)
  );
}

const withoutPending = (history: StoredHistory, attemptId: string) =>
  history.pending.filter((kept) => kept.attemptId !== attemptId);

export const withDismissal =
  (caseId: string, at: Date) =>
  (history: StoredHistory): StoredHistory => ({
    ...history,
    entries: [...history.entries, { caseId, outcome: 'dismissed', at: at.toISOString() }],
  });

/** Queues the attempt once; one the server already answered for is never queued again. */
export const withCompletion =
  (unchecked: FinishedAttempt) =>
  (history: StoredHistory): StoredHistory => {
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
  };

export const withRecorded =
  (attemptId: string, response: CompletionResponse) =>
  (history: StoredHistory): StoredHistory => {
    const record = recordedCreditSchema.parse({ attemptId, ...response });
    return {
      ...history,
      pending: withoutPending(history, attemptId),
      recorded: answered(history, attemptId) ? history.recorded : [...history.recorded, record],
    };
  };

export const withRefused =
  (attempt: FinishedAttempt, code: string, at: Date) =>
  (history: StoredHistory): StoredHistory => ({
    ...history,
    pending: withoutPending(history, attempt.attemptId),
    refused: answered(history, attempt.attemptId)
      ? history.refused
      : [...history.refused, refusedAttemptSchema.parse({ attempt, code, at: at.toISOString() })],
  });

const entryKey = (entry: LearnerHistoryEntry) => `${entry.caseId} ${entry.outcome} ${entry.at}`;

/**
 * Both histories in one, nothing counted twice: used when an older version's history joins
 * the one already on this device (a migration interrupted before it could remove the old one).
 */
export function mergeHistories(kept: StoredHistory, joining: StoredHistory): StoredHistory {
  const seen = new Set(kept.entries.map(entryKey));
  let merged: StoredHistory = {
    ...kept,
    entries: [...kept.entries, ...joining.entries.filter((entry) => !seen.has(entryKey(entry)))],
  };
  for (const record of joining.recorded) {
    if (!answered(merged, record.attemptId)) {
      merged = { ...merged, recorded: [...merged.recorded, record] };
    }
  }
  for (const record of joining.refused) {
    if (!answered(merged, record.attempt.attemptId)) {
      merged = { ...merged, refused: [...merged.refused, record] };
    }
  }
  const pending = [...merged.pending, ...joining.pending].filter(
    (attempt, index, all) =>
      !answered(merged, attempt.attemptId) &&
      all.findIndex((other) => other.attemptId === attempt.attemptId) === index,
  );
  return { ...merged, entries: [...merged.entries].sort(byTime), pending };
}

const byTime = (a: LearnerHistoryEntry, b: LearnerHistoryEntry) =>
  Date.parse(a.at) - Date.parse(b.at);
