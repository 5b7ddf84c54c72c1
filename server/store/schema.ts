import type { ColumnType, Generated } from 'kysely';

/** Row shapes of the store; JSON columns are text so one schema serves SQLite and PostgreSQL. */
export interface TenantsTable {
  id: string;
  iss: string;
  name: string;
  vendor: string;
  client_id: string;
  scope: string;
  frame_origins: string;
  cds_clients: string;
  status: string;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  /** `production` or `non-production` (0004). */
  environment: ColumnType<string, string | undefined, string>;
  /** JSON `{production?, 'non-production'?}`: the client id the EHR issued per environment. */
  client_ids: ColumnType<string, string | undefined, string>;
  /** JSON SmartDiscovery from the last smart-configuration fetch, or null. */
  discovery: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON BackendServices (0008), or null when the outcomes job has no access to this EHR. */
  backend_services: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Every change an administrator made to a registration (admin API and CLI). */
export interface AdminAuditTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  tenant_id: string;
  iss: string;
  /** JSON `{field: {from, to}}`. */
  changes: string;
}

/** The credit ledger: one row per finished attempt, each carrying the hash of the previous row. */
export interface LedgerTable {
  seq: Generated<number>;
  id: string;
  tenant_id: string;
  learner: string;
  attempt_id: string;
  case_id: string;
  case_version: string;
  encounter: string;
  encounter_version: string | null;
  awarded: number;
  amount: number;
  format: string;
  credit_type: string;
  denials: string;
  score: number;
  recorded_at: string;
  credit_day: string;
  resources: string;
  receipt: string;
  prev_hash: string;
  hash: string;
}

/** CDS Hooks JWT ids already used, per issuer, until they expire (replay protection). */
export interface CdsJtiTable {
  iss: string;
  jti: string;
  expires_at: string;
}

/** Cards Chartside issued, so that feedback (which names only the card uuid) can be attributed. */
export interface CdsCardsTable {
  uuid: string;
  tenant_id: string;
  learner: string;
  service_id: string;
  case_id: string;
  case_version: string;
  hook_instance: string;
  issued_at: string;
}

/** CDS Hooks feedback, one row per card, outcome and outcome time (a repeat is the same row). */
export interface CdsFeedbackTable {
  card_uuid: string;
  outcome: string;
  outcome_at: string;
  tenant_id: string;
  learner: string;
  case_id: string;
  reason_system: string | null;
  reason_code: string | null;
  received_at: string;
}

/** A learner's profile (0005), one row per tenant and learner (absolute fhirUser). */
export interface LearnerProfilesTable {
  tenant_id: string;
  learner: string;
  /** JSON LearnerProfile (core/learner/learner-profile.ts). */
  profile: string;
  /** 1 when the learner consents to their completions being reported to boards. */
  report_consent: number;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
}

/** One FSRS card per learner and teaching point (0005). */
export interface ReviewCardsTable {
  tenant_id: string;
  learner: string;
  teaching_point: string;
  /** JSON ReviewCard (core/learner/review-schedule.ts). */
  card: string;
  due: string;
  last_correct: number;
  last_answered_at: string;
}

/** Every answer that rated a teaching point, from a completed case or a refresher (0005). */
export interface ReviewAnswersTable {
  tenant_id: string;
  learner: string;
  review_id: string;
  teaching_point: string;
  case_id: string;
  case_version: string;
  question_id: string;
  option_id: string;
  correct: number;
  confidence: string | null;
  seconds: number | null;
  rating: string;
  /** `completion` or `review`. */
  source: string;
  answered_at: string;
  next_due: string;
}

/** One credit × one measure: the clinician's counts before and after the credit (0007). */
export interface OutcomeComparisonsTable {
  tenant_id: string;
  learner: string;
  credit_id: string;
  case_id: string;
  case_version: string;
  credited_at: string;
  measure_id: string;
  before_start: string;
  before_end: string;
  before_numerator: number;
  before_denominator: number;
  after_start: string;
  after_end: string;
  after_numerator: number;
  after_denominator: number;
  /** 0009: the Practitioner's name in the EHR, when the job could read it. */
  learner_name: string | null;
}

/** Each run of the outcomes job, per tenant (0007). */
export interface OutcomeRunsTable {
  tenant_id: string;
  computed_at: string;
  before_days: number;
  after_days: number;
  /** `bulk` or `search`. */
  source: string;
  patients: number;
}

/** A named lease: who holds it and until when (0007). */
export interface JobLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface DatabaseSchema {
  tenants: TenantsTable;
  ledger: LedgerTable;
  cds_jti: CdsJtiTable;
  cds_cards: CdsCardsTable;
  cds_feedback: CdsFeedbackTable;
  admin_audit: AdminAuditTable;
  learner_profiles: LearnerProfilesTable;
  review_cards: ReviewCardsTable;
  review_answers: ReviewAnswersTable;
  outcome_comparisons: OutcomeComparisonsTable;
  outcome_runs: OutcomeRunsTable;
  job_leases: JobLeasesTable;
}
