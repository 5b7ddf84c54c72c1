import type { ColumnType } from 'kysely';

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

export interface DatabaseSchema {
  tenants: TenantsTable;
}
