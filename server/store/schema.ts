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

export interface DatabaseSchema {
  tenants: TenantsTable;
  ledger: LedgerTable;
}
