import type { LearnerHistoryEntry } from '../../core/matcher/match-cases';
import type { FinishedAttempt } from './finished-attempt';

/**
 * What Chartside remembers about one learner. Asynchronous so that it can move to the server
 * (`POST /api/completions`) without changing its callers.
 */
export interface LearnerHistoryStore {
  /** Completions and dismissals, oldest first: the matcher's `history`. */
  loadHistory(): Promise<LearnerHistoryEntry[]>;
  recordDismissal(caseId: string, at: Date): Promise<void>;
  /** Keeps the attempt until it is submitted; recording the same attempt twice keeps one. */
  recordCompletion(attempt: FinishedAttempt): Promise<void>;
  /** Finished attempts not yet submitted for credit, oldest first. */
  pendingAttempts(): Promise<FinishedAttempt[]>;
}
