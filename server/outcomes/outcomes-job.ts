import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { createMeasures } from '../../core/measures';
import type { OutcomeWindows } from '../../core/outcomes/before-after';
import type { AppKeys } from '../auth/app-keys';
import type { LedgerStore } from '../credits/ledger-store';
import type { CaseLibrary } from '../library/case-library';
import type { Database } from '../store/database';
import type { TenantStore } from '../tenants/tenant-store';
import { readPractitionerNames } from './fhir-pull/practitioner-names';
import { pullPopulation, type PullOptions } from './fhir-pull/pull-population';
import { JobLease } from './job-lease';
import { OutcomeStore } from './outcome-store';
import { refreshOutcomes, type RefreshSummary } from './refresh-outcomes';

export interface OutcomesJobInput {
  db: Database;
  tenants: TenantStore;
  ledger: LedgerStore;
  library: CaseLibrary;
  keys: AppKeys;
  windows: OutcomeWindows;
  logger: Logger;
  fetch?: typeof fetch;
  pullOptions?: Partial<PullOptions>;
  now?: () => Date;
}

export interface OutcomesJob {
  /** One run over every tenant with Backend Services (nothing while another process runs it). */
  run: () => Promise<RefreshSummary>;
  /**
   * For a stopping process: no tenant starts after this, and the lease is given back now, so
   * the next process need not wait for it to lapse.
   */
  stop: () => Promise<void>;
}

/** The outcomes job as the server, `npm run outcomes:refresh` and the tests run it. */
export function createOutcomesJob(input: OutcomesJobInput): OutcomesJob {
  const measures = createMeasures(input.library.valueSets);
  const outcomes = new OutcomeStore(input.db);
  const lease = new JobLease(
    input.db,
    'outcomes-refresh',
    `${hostname()}:${String(process.pid)}:${crypto.randomUUID()}`,
  );
  const stopping = new AbortController();
  const run = (): Promise<RefreshSummary> =>
    refreshOutcomes({
      tenants: input.tenants,
      ledger: input.ledger,
      outcomes,
      library: input.library,
      measures,
      lease,
      signal: stopping.signal,
      windows: input.windows,
      logger: input.logger,
      ...(input.now && { now: input.now }),
      pull: (tenant, since) =>
        pullPopulation({
          tenant,
          keys: input.keys,
          since,
          logger: input.logger,
          ...(input.fetch && { fetch: input.fetch }),
          ...(input.pullOptions && { options: input.pullOptions }),
        }),
      names: (tenant, practitionerIds) =>
        readPractitionerNames({
          tenant,
          keys: input.keys,
          practitionerIds,
          ...(input.fetch && { fetch: input.fetch }),
        }),
    });
  return {
    run,
    stop: () => {
      stopping.abort();
      return lease.close();
    },
  };
}
