import type { LearnerHistoryEntry } from '../../core/matcher/match-cases';
import type { CompletionResponse } from '../../core/wire/completion';
import type { RecordedCredit, RefusedAttempt } from './attempt-records';
import type { FinishedAttempt } from './finished-attempt';

/** Where the history lives: on this device, or only in this tab until it closes. */
export type HistoryPersistence = 'device' | 'tab';

/**
 * What Chartside remembers about one learner on this device. A finished attempt waits in the
 * pending queue until the server has answered for it, so that no finished case is lost.
 */
export interface LearnerHistoryStore {
  /** 'tab' when the browser refused durable storage (private mode, blocked IndexedDB). */
  persistence(): Promise<HistoryPersistence>;
  /** Completions and dismissals, oldest first: the matcher's `history`. */
  loadHistory(): Promise<LearnerHistoryEntry[]>;
  recordDismissal(caseId: string, at: Date): Promise<void>;
  /** Keeps the attempt until it is submitted; recording the same attempt twice keeps one. */
  recordCompletion(attempt: FinishedAttempt): Promise<void>;
  /** Finished attempts not yet submitted for credit, oldest first. */
  pendingAttempts(): Promise<FinishedAttempt[]>;
  /** The server recorded the attempt: it leaves the queue, its credit and receipt are kept. */
  markRecorded(attemptId: string, response: CompletionResponse): Promise<void>;
  /** The server refused the attempt for good: it leaves the queue and is kept for the record. */
  markRefused(attempt: FinishedAttempt, code: string, at: Date): Promise<void>;
  /** What the server recorded for this learner's attempts from this device, oldest first. */
  recordedCredits(): Promise<RecordedCredit[]>;
  /** Attempts that can never earn credit, oldest first. */
  refusedAttempts(): Promise<RefusedAttempt[]>;
}
