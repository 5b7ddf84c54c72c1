import { pino } from 'pino';
import { PANEL_LEARNING } from '../../launch/sandbox/panel/panel-learning';
import type { DemoCreditsResult } from '../../server/outcomes/demo-credits';
import { seedSandboxDemoCredits } from '../../server/outcomes/sandbox-demo-credits';
import {
  createOutcomesJob,
  type OutcomesJob,
  type OutcomesJobInput,
} from '../../server/outcomes/outcomes-job';
import type { RefreshSummary } from '../../server/outcomes/refresh-outcomes';
import type { Stack } from './stack';

/** The outcomes job over the stack's store and EHRs, as the server builds it. */
export function stackOutcomesJob(stack: Stack, input: Partial<OutcomesJobInput> = {}): OutcomesJob {
  return createOutcomesJob({
    db: stack.db,
    tenants: stack.tenants,
    ledger: stack.ledger,
    library: stack.library,
    keys: stack.keys,
    windows: stack.config.outcomes.windows,
    logger: pino({ level: 'silent' }),
    ...input,
  });
}

export interface PreparedOutcomes {
  demo: DemoCreditsResult;
  summary: RefreshSummary;
}

/**
 * What `npm start` does once the stack is up: the sandbox panel's demo credits (120 days ago,
 * through the real completion path) into the stack's store, then one run of the outcomes job
 * against the stack's sandbox. For e2e and integration tests; `startStack({ demoOutcomes: true })`
 * calls it. Throws when no demo credit was awarded or the sandbox's refresh failed, so a test
 * never looks at an empty dashboard by accident.
 */
export async function prepareOutcomes(
  stack: Stack,
  options: { now?: Date } = {},
): Promise<PreparedOutcomes> {
  const demo = await seedSandboxDemoCredits({
    config: { ...stack.config, sandboxDemoCredits: true },
    tenants: stack.tenants,
    ledger: stack.ledger,
    library: stack.library,
    keys: stack.keys,
    learning: PANEL_LEARNING,
    ...(options.now && { now: options.now }),
  });
  if (!demo?.credits.some((c) => c.awarded)) {
    throw new Error(
      `No demo credit was awarded (${JSON.stringify(demo?.credits.map((c) => c.denials))}): start the stack with startStack({ demoOutcomes: true })`,
    );
  }
  const job = stackOutcomesJob(stack, {
    pullOptions: { polling: { minDelayMs: 10, maxDelayMs: 500, deadlineMs: 60_000 } },
    ...(options.now && { now: () => options.now ?? new Date() }),
  });
  const summary = await job.run();
  const failed = summary.tenants.filter((t) => t.status === 'failed');
  if (!summary.ran || failed.length > 0) {
    throw new Error(`The outcomes job did not refresh the sandbox: ${JSON.stringify(summary)}`);
  }
  return { demo, summary };
}
