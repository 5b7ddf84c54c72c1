import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { LearnerHistoryStore } from '../learner-history/learner-history-store';
import type { CreditAccess } from './credit-access';
import { createCreditOutbox, type CreditOutbox, type OutboxState } from './credit-outbox';
import { retryPending } from './retry-pending';

/**
 * The learner's credit outbox for this launch. Once mounted it sends what an earlier launch
 * left pending (the outbox itself makes sure that happens once, StrictMode or not), and tries
 * again when the browser is back online or after a pause (retry-pending).
 */
export function useCreditOutbox(
  store: LearnerHistoryStore,
  access: CreditAccess,
  patientId: string,
): CreditOutbox {
  const outbox = useMemo(
    () => createCreditOutbox({ store, access, patientId }),
    [store, access, patientId],
  );
  useEffect(() => {
    outbox.start();
    return retryPending(outbox);
  }, [outbox]);
  return outbox;
}

/** The outbox's state as React state. */
export function useOutboxState(outbox: CreditOutbox): OutboxState {
  return useSyncExternalStore(outbox.subscribe, outbox.getState);
}
