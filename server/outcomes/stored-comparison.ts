import type { MeasureId } from '../../core/measures/measure';

/** Raw counts in one window, as the outcomes job stores them (never sent to a browser as is). */
export interface StoredCounts {
  periodStart: string;
  periodEnd: string;
  numerator: number;
  denominator: number;
}

/** One credit × one measure its case serves: the clinician's rate before and after the credit. */
export interface StoredComparison {
  tenantId: string;
  /** The clinician's fhirUser, exactly as in the ledger. */
  learner: string;
  /** The award id in the ledger (`Basic/{id}` on the façade). */
  creditId: string;
  caseId: string;
  caseVersion: string;
  creditedAt: string;
  measureId: MeasureId;
  before: StoredCounts;
  after: StoredCounts;
  /** The clinician's name as the EHR's Practitioner resource gives it, when the job read it. */
  learnerName?: string;
}

/** One run of the outcomes job for one tenant. */
export interface OutcomeRun {
  tenantId: string;
  computedAt: string;
  beforeDays: number;
  afterDays: number;
  /** How the population was read: Bulk Data `$export`, or paged search where it is not offered. */
  source: 'bulk' | 'search';
  patients: number;
}

/** What the dashboards read; `OutcomeStore` (server/outcomes/outcome-store.ts) implements it. */
export interface OutcomeReader {
  forLearner(tenantId: string, learner: string): Promise<StoredComparison[]>;
  all(filter: { tenantId?: string }): Promise<StoredComparison[]>;
  /** The latest run for the tenant, or the latest of any tenant when none is given. */
  lastRun(tenantId?: string): Promise<OutcomeRun | undefined>;
}
