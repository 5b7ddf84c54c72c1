import { ChartsideError } from '../errors/chartside-error';
import type { RefusedAttempt } from '../learner-history/attempt-records';
import type { FinishedAttempt } from '../learner-history/finished-attempt';
import type { LearnerHistoryStore } from '../learner-history/learner-history-store';
import { submitCompletion } from '../lib/api-client';
import { completionRequest } from './completion-request';
import type { CreditAccess } from './credit-access';
import { FINAL_CODES, type CreditOutcome } from './credit-outcome';

/** The last "send everything pending" round, for the notice that reports it. */
export interface SendRound {
  recorded: number;
  refused: number;
  /** Why attempts are still waiting, when some are. */
  error?: ChartsideError;
}

export interface OutboxState {
  /** Finished attempts waiting on this device to be sent, oldest first. */
  pending: readonly FinishedAttempt[];
  /** Attempts refused for good, kept for the record. */
  refused: readonly RefusedAttempt[];
  /** What became of each attempt sent in this launch, by attempt id. */
  outcomes: ReadonlyMap<string, CreditOutcome>;
  /** Whether a round of sending the pending attempts is running. */
  sending: boolean;
  /** The browser refused durable storage: what waits here is lost when the tab closes. */
  keptInTabOnly: boolean;
  lastRound?: SendRound;
}

export interface CreditOutbox {
  getState: () => OutboxState;
  subscribe: (listener: () => void) => () => void;
  /** Reads the queue and sends it, once per outbox: the automatic retry when the app loads. */
  start: () => void;
  /** Sends one finished attempt; every call for it carries the same attemptId. */
  submit: (attempt: FinishedAttempt) => Promise<CreditOutcome>;
  /** "Send now": every pending attempt, oldest first, one at a time. */
  sendPending: () => Promise<void>;
}

interface OutboxOptions {
  store: LearnerHistoryStore;
  access: CreditAccess;
  /** The current launch's patient, which every completion is checked against. */
  patientId: string;
  now?: () => Date;
}

function asError(error: unknown): ChartsideError {
  if (error instanceof ChartsideError) return error;
  return new ChartsideError('SERVER_UNAVAILABLE', `Unexpected failure: ${String(error)}`, {
    cause: error,
  });
}

/**
 * Sends finished attempts for credit without ever losing one (DESIGN.md §4): an attempt stays
 * in the learner's pending queue until the server has answered for it; network trouble, 5xx,
 * timeouts and sign-in problems keep it there; a final refusal moves it to the record.
 */
export function createCreditOutbox({
  store,
  access,
  patientId,
  now = () => new Date(),
}: OutboxOptions): CreditOutbox {
  let state: OutboxState = {
    pending: [],
    refused: [],
    outcomes: new Map(),
    sending: false,
    keptInTabOnly: false,
  };
  const listeners = new Set<() => void>();
  const inFlight = new Map<string, Promise<CreditOutcome>>();
  let round: Promise<void> | undefined;
  let started = false;

  const set = (change: Partial<OutboxState>) => {
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  };
  const setOutcome = (attemptId: string, outcome: CreditOutcome) => {
    set({ outcomes: new Map(state.outcomes).set(attemptId, outcome) });
  };
  const refresh = async () => {
    const [pending, refused, persistence] = await Promise.all([
      store.pendingAttempts().catch(() => state.pending),
      store.refusedAttempts().catch(() => state.refused),
      store.persistence().catch(() => 'tab' as const),
    ]);
    set({ pending, refused, keptInTabOnly: persistence === 'tab' });
  };

  const refuse = async (attempt: FinishedAttempt, error: ChartsideError) => {
    await store.markRefused(attempt, error.code, now()).catch(() => undefined);
    return { status: 'refused', error } as const;
  };

  const deliver = async (attempt: FinishedAttempt): Promise<CreditOutcome> => {
    const { encounterId } = attempt;
    if (encounterId === undefined) {
      return refuse(
        attempt,
        new ChartsideError('ENCOUNTER_MISSING', 'The launch had no encounter'),
      );
    }
    const token = await access.fhirAccessToken().catch(() => undefined);
    if (token === undefined) {
      const error = new ChartsideError('SESSION_EXPIRED', 'The EHR access token has expired');
      return { status: 'pending', error };
    }
    let sessionToken: string;
    try {
      sessionToken = (await access.session()).sessionToken;
    } catch (error) {
      // A sign-in problem is the launch's, not the attempt's: it waits for the next launch.
      return { status: 'pending', error: asError(error) };
    }
    try {
      const response = await submitCompletion(
        sessionToken,
        completionRequest({ ...attempt, encounterId }, patientId, token),
      );
      await store.markRecorded(attempt.attemptId, response).catch(() => undefined);
      return { status: 'recorded', ...response };
    } catch (caught) {
      const error = asError(caught);
      return FINAL_CODES.has(error.code) ? refuse(attempt, error) : { status: 'pending', error };
    }
  };

  const submit = (attempt: FinishedAttempt): Promise<CreditOutcome> => {
    const running = inFlight.get(attempt.attemptId);
    if (running !== undefined) return running;
    setOutcome(attempt.attemptId, { status: 'sending' });
    const sent = deliver(attempt).then(async (outcome) => {
      inFlight.delete(attempt.attemptId);
      setOutcome(attempt.attemptId, outcome);
      await refresh();
      return outcome;
    });
    inFlight.set(attempt.attemptId, sent);
    return sent;
  };

  const sendPending = (): Promise<void> => {
    round ??= (async () => {
      set({ sending: true });
      const result: SendRound = { recorded: 0, refused: 0 };
      try {
        await refresh();
        for (const attempt of state.pending) {
          const outcome = await submit(attempt);
          if (outcome.status === 'recorded') result.recorded += 1;
          if (outcome.status === 'refused') result.refused += 1;
          if (outcome.status === 'pending') {
            // The connection or the sign-in, not this attempt: the next ones would fail alike.
            result.error = outcome.error;
            break;
          }
        }
      } finally {
        round = undefined;
        set({ sending: false, lastRound: result });
      }
    })();
    return round;
  };

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => {
      if (started) return;
      started = true;
      void refresh().then(() => (state.pending.length > 0 ? sendPending() : undefined));
    },
    submit,
    sendPending,
  };
}
