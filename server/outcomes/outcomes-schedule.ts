import type { Logger } from 'pino';
import { AppError } from '../http/app-error';
import type { RefreshSummary } from './refresh-outcomes';

export interface OutcomesSchedule {
  stop(): void;
}

/**
 * Runs the outcomes job `firstRunSeconds` after start and then every `refreshMinutes` (0: never).
 * The timers are unref'd so they never keep a stopping process alive; a run still going when the
 * next is due is not doubled. Several processes may each schedule it: the job's lease lets one run.
 * When the first run finds the lease held — often by a process that died mid-run — it is tried
 * once more after `retrySkippedAfterMs`, when such a lease has lapsed, rather than a day later.
 */
export function scheduleOutcomes(options: {
  job: () => Promise<RefreshSummary>;
  refreshMinutes: number;
  firstRunSeconds: number;
  retrySkippedAfterMs: number;
  logger: Logger;
}): OutcomesSchedule {
  if (options.refreshMinutes === 0) return { stop: () => undefined };
  let running = false;
  let retry: NodeJS.Timeout | undefined;
  const run = (first = false): void => {
    if (running) return;
    running = true;
    options
      .job()
      .then((summary) => {
        if (summary.ran || !first) return;
        retry = setTimeout(run, options.retrySkippedAfterMs);
        retry.unref();
      })
      .catch((error: unknown) => {
        // The job logs tenant failures itself; this is the store or the lease failing.
        options.logger.error(
          { code: error instanceof AppError ? error.code : 'INTERNAL' },
          'outcomes refresh failed',
        );
      })
      .finally(() => {
        running = false;
      });
  };
  let every: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    run(true);
    every = setInterval(run, options.refreshMinutes * 60_000);
    every.unref();
  }, options.firstRunSeconds * 1000);
  first.unref();
  return {
    stop() {
      clearTimeout(first);
      clearTimeout(retry);
      clearInterval(every);
    },
  };
}
