import type { Logger } from 'pino';
import {
  computeBeforeAfter,
  practitionerOf,
  type OutcomeCredit,
  type OutcomeWindows,
} from '../../core/outcomes/before-after';
import type { Measure, PatientRecord } from '../../core/measures/measure';
import type { LedgerStore } from '../credits/ledger-store';
import { AppError } from '../http/app-error';
import type { CaseLibrary } from '../library/case-library';
import type { Tenant, TenantStore } from '../tenants/tenant-store';
import type { JobLease } from './job-lease';
import type { OutcomeStore } from './outcome-store';

const DAY_MS = 86_400_000;
/**
 * How long the job's lease lasts unless renewed. A run renews it every `OUTCOMES_LEASE_RENEW_MS`
 * (a heartbeat, however long a tenant's Bulk Data export takes) and before each tenant, so it
 * lapses only when its holder died or stalled, and then holds the job back for at most this long.
 */
export const OUTCOMES_LEASE_MS = 5 * 60_000;
export const OUTCOMES_LEASE_RENEW_MS = 60_000;

/** Reads a tenant's population: C1's `pullPopulation` in the app, a fake in unit tests. */
export type PullPopulation = (
  tenant: Tenant,
  since: Date,
) => Promise<{ records: PatientRecord[]; source: 'bulk' | 'search' }>;

/** The names of the tenant's Practitioners by id, as far as the EHR lets the job read them. */
export type ReadNames = (tenant: Tenant, practitionerIds: string[]) => Promise<Map<string, string>>;

export interface RefreshDeps {
  tenants: TenantStore;
  ledger: LedgerStore;
  outcomes: OutcomeStore;
  library: CaseLibrary;
  measures: readonly Measure[];
  pull: PullPopulation;
  /** Optional: without it (or when the EHR refuses) the reports show the fhirUser instead. */
  names?: ReadNames;
  lease: JobLease;
  windows: OutcomeWindows;
  logger: Logger;
  now?: () => Date;
  /** Aborted when the process stops: no tenant starts after it and the lease is not renewed. */
  signal?: AbortSignal;
}

export type TenantRefresh =
  | {
      tenantId: string;
      status: 'refreshed';
      source: 'bulk' | 'search';
      patients: number;
      comparisons: number;
      skippedCredits: number;
      ms: { pull: number; compute: number; store: number };
    }
  | { tenantId: string; status: 'no-credits' }
  | { tenantId: string; status: 'failed'; code: string };

export interface RefreshSummary {
  /** False when another process holds the lease: this run did nothing. */
  ran: boolean;
  tenants: TenantRefresh[];
  comparisons: number;
  ms: number;
}

/**
 * The outcomes job (issue 8): for each active tenant with Backend Services, reads the awarded
 * credits and the population they may have touched, computes every credit × measure before and
 * after, and replaces the tenant's stored comparisons. One run at a time across processes (the
 * lease); one tenant failing is logged by code and id only and the others go on.
 */
export async function refreshOutcomes(deps: RefreshDeps): Promise<RefreshSummary> {
  const started = performance.now();
  if (!(await deps.lease.take(OUTCOMES_LEASE_MS))) {
    deps.logger.info('outcomes refresh skipped: another process is running it');
    return { ran: false, tenants: [], comparisons: 0, ms: 0 };
  }
  const results: TenantRefresh[] = [];
  const heartbeat = keepLease(deps);
  try {
    const tenants = (await deps.tenants.listActive()).filter((t) => t.backendServices);
    const caseMeasures = measuresByCase(deps.library, deps.measures);
    for (const tenant of tenants) {
      if (deps.signal?.aborted) break;
      if (heartbeat.lost() || !(await deps.lease.take(OUTCOMES_LEASE_MS))) {
        // Lapsed and taken by another process: it refreshes the rest.
        deps.logger.warn('outcomes refresh stopped: the lease passed to another process');
        break;
      }
      results.push(await refreshTenant(deps, tenant, caseMeasures));
    }
  } finally {
    heartbeat.stop();
    await deps.lease.release();
  }
  const summary = {
    ran: true,
    tenants: results,
    comparisons: results.reduce((n, r) => n + (r.status === 'refreshed' ? r.comparisons : 0), 0),
    ms: Math.round(performance.now() - started),
  };
  deps.logger.info(
    {
      tenants: results.length,
      failed: results.filter((r) => r.status === 'failed').length,
      comparisons: summary.comparisons,
      ms: summary.ms,
    },
    'outcomes refreshed',
  );
  return summary;
}

/** Renews the lease every `OUTCOMES_LEASE_RENEW_MS` until stopped; `lost()` once it was not. */
function keepLease(deps: Pick<RefreshDeps, 'lease' | 'signal'>): {
  lost: () => boolean;
  stop: () => void;
} {
  let lost = false;
  const timer = setInterval(() => {
    if (deps.signal?.aborted) return;
    deps.lease.take(OUTCOMES_LEASE_MS).then(
      (held) => {
        if (!held) lost = true;
      },
      // A store hiccup: the next beat, or the renewal before the next tenant, tries again.
      () => undefined,
    );
  }, OUTCOMES_LEASE_RENEW_MS);
  timer.unref();
  return { lost: () => lost, stop: () => clearInterval(timer) };
}

async function refreshTenant(
  deps: RefreshDeps,
  tenant: Tenant,
  caseMeasures: ReadonlyMap<string, readonly string[]>,
): Promise<TenantRefresh> {
  try {
    const asOf = deps.now?.() ?? new Date();
    const credits = (await deps.ledger.awardedCredits(tenant.id))
      .filter((row) => (caseMeasures.get(row.case_id) ?? []).length > 0)
      .map((row): OutcomeCredit => ({
        creditId: row.id,
        learner: row.learner,
        caseId: row.case_id,
        caseVersion: row.case_version,
        recordedAt: row.recorded_at,
      }));
    if (credits.length === 0) return { tenantId: tenant.id, status: 'no-credits' };
    const earliest = Math.min(...credits.map((c) => Date.parse(c.recordedAt)));
    const since = new Date(earliest - deps.windows.beforeDays * DAY_MS);

    const t0 = performance.now();
    const population = await deps.pull(tenant, since);
    const t1 = performance.now();
    const { comparisons, skipped } = computeBeforeAfter({
      fhirBase: tenant.iss,
      credits,
      caseMeasures,
      measures: deps.measures,
      records: population.records,
      windows: deps.windows,
      asOf,
    });
    const names = await namesOf(deps, tenant, comparisons);
    const t2 = performance.now();
    await deps.outcomes.replaceForTenant(
      {
        tenantId: tenant.id,
        computedAt: asOf.toISOString(),
        beforeDays: deps.windows.beforeDays,
        afterDays: deps.windows.afterDays,
        source: population.source,
        patients: population.records.length,
      },
      comparisons.map((c) => {
        const name = names.get(c.learner);
        return { ...c, tenantId: tenant.id, ...(name !== undefined && { learnerName: name }) };
      }),
    );
    const t3 = performance.now();
    return {
      tenantId: tenant.id,
      status: 'refreshed',
      source: population.source,
      patients: population.records.length,
      comparisons: comparisons.length,
      skippedCredits: skipped.notPractitioner + skipped.afterAsOf,
      ms: { pull: Math.round(t1 - t0), compute: Math.round(t2 - t1), store: Math.round(t3 - t2) },
    };
  } catch (error) {
    // The code and the tenant id only: an EHR's error text may quote a token or a patient.
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    deps.logger.warn({ tenantId: tenant.id, code }, 'outcomes refresh failed for a tenant');
    return { tenantId: tenant.id, status: 'failed', code };
  }
}

/** The credited clinicians' names by fhirUser (the ledger's `learner`). */
async function namesOf(
  deps: RefreshDeps,
  tenant: Tenant,
  comparisons: readonly { learner: string }[],
): Promise<Map<string, string>> {
  const byId = new Map<string, string>();
  for (const { learner } of comparisons) {
    const reference = practitionerOf(learner, tenant.iss);
    if (reference !== undefined) byId.set(reference.slice('Practitioner/'.length), learner);
  }
  if (!deps.names || byId.size === 0) return new Map();
  const names = await deps.names(tenant, [...byId.keys()]);
  return new Map(
    [...names].flatMap(([id, name]) => {
      const learner = byId.get(id);
      return learner === undefined ? [] : [[learner, name] as const];
    }),
  );
}

/** Each case's quality measures we compute, by case id (every version the library holds). */
function measuresByCase(library: CaseLibrary, measures: readonly Measure[]): Map<string, string[]> {
  const computed = new Set<string>(measures.map((m) => m.id));
  const byCase = new Map<string, string[]>();
  for (const microCase of library.cases) {
    const ids = new Set([
      ...(byCase.get(microCase.id) ?? []),
      ...microCase.qualityMeasures.map((m) => m.id).filter((id) => computed.has(id)),
    ]);
    byCase.set(microCase.id, [...ids]);
  }
  return byCase;
}
