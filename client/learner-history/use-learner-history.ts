import { useCallback, useEffect, useState } from 'react';
import type { LearnerHistoryEntry } from '../../core/matcher/match-cases';
import type { FinishedAttempt } from './finished-attempt';
import type { LearnerHistoryStore } from './learner-history-store';

export interface LearnerHistory {
  /** Undefined while loading; empty if the store could not be read. */
  history: LearnerHistoryEntry[] | undefined;
  /** Re-ranks at once; the promise settles when the dismissal is stored. */
  dismiss: (caseId: string) => Promise<void>;
  /** Resolves true when the attempt is stored, false when it could not be. */
  complete: (attempt: FinishedAttempt) => Promise<boolean>;
}

/** The learner's history as React state, kept in step with its store. */
export function useLearnerHistory(store: LearnerHistoryStore): LearnerHistory {
  const [history, setHistory] = useState<LearnerHistoryEntry[] | undefined>(undefined);
  useEffect(() => {
    let current = true;
    store.loadHistory().then(
      (entries) => {
        if (current) setHistory(entries);
      },
      () => {
        if (current) setHistory([]);
      },
    );
    return () => {
      current = false;
    };
  }, [store]);
  const append = useCallback((entry: LearnerHistoryEntry) => {
    setHistory((previous) => [...(previous ?? []), entry]);
  }, []);
  const dismiss = useCallback(
    (caseId: string) => {
      const at = new Date();
      append({ caseId, outcome: 'dismissed', at: at.toISOString() });
      return store.recordDismissal(caseId, at);
    },
    [store, append],
  );
  const complete = useCallback(
    async (attempt: FinishedAttempt) => {
      append({ caseId: attempt.caseId, outcome: 'completed', at: attempt.finishedAt });
      try {
        await store.recordCompletion(attempt);
        return true;
      } catch {
        return false;
      }
    },
    [store, append],
  );
  return { history, dismiss, complete };
}
