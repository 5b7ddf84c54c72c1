import { RELAUNCH_ERROR_CODES } from '../errors/chartside-error';
import type { CreditOutbox } from './credit-outbox';

/** Pauses between automatic tries while the connection or the server fails, then every 10 min. */
export const RETRY_DELAYS_MS: readonly number[] = [30_000, 60_000, 120_000, 300_000, 600_000];

/** Whether only a new launch can help (an expired EHR session, a refused sign-in). */
function needsRelaunch(outbox: CreditOutbox): boolean {
  const { lastRound, outcomes } = outbox.getState();
  if (lastRound?.error !== undefined && RELAUNCH_ERROR_CODES.has(lastRound.error.code)) return true;
  return [...outcomes.values()].some(
    (outcome) => outcome.status === 'pending' && RELAUNCH_ERROR_CODES.has(outcome.error.code),
  );
}

/**
 * Sends what waits in the outbox without the learner having to: at once when the browser is
 * back online, otherwise after growing pauses while it is online and the failure is one that
 * trying again can fix. Returns the function that stops watching.
 */
export function retryPending(
  outbox: CreditOutbox,
  target: Window = window,
  delays: readonly number[] = RETRY_DELAYS_MS,
): () => void {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waiting = () => {
    const { sending, pending } = outbox.getState();
    return !sending && pending.length > 0;
  };
  const send = () => {
    timer = undefined;
    if (waiting()) void outbox.sendPending();
  };
  const schedule = () => {
    if (outbox.getState().pending.length === 0) failures = 0;
    if (timer !== undefined || !waiting() || needsRelaunch(outbox)) return;
    // Offline, a try cannot succeed: the `online` event sends instead.
    if (!target.navigator.onLine) return;
    timer = setTimeout(send, delays[Math.min(failures, delays.length - 1)]);
    failures += 1;
  };
  const online = () => {
    clearTimeout(timer);
    timer = undefined;
    failures = 0;
    send();
  };
  const unsubscribe = outbox.subscribe(schedule);
  target.addEventListener('online', online);
  schedule();
  return () => {
    unsubscribe();
    target.removeEventListener('online', online);
    clearTimeout(timer);
  };
}
