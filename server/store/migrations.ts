import type { Kysely, Migration } from 'kysely';

/** Schema migrations, applied in key order; never edit one that has shipped, add the next. */
export const migrations: Record<string, Migration> = {
  '0001_tenants': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('tenants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('iss', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('vendor', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('frame_origins', 'text', (c) => c.notNull())
        .addColumn('cds_clients', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002_ledger': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('ledger')
        .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('learner', 'text', (c) => c.notNull())
        .addColumn('attempt_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('case_version', 'text', (c) => c.notNull())
        .addColumn('encounter', 'text', (c) => c.notNull())
        .addColumn('encounter_version', 'text')
        .addColumn('awarded', 'integer', (c) => c.notNull())
        .addColumn('amount', 'real', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('credit_type', 'text', (c) => c.notNull())
        .addColumn('denials', 'text', (c) => c.notNull())
        .addColumn('score', 'real', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('credit_day', 'text', (c) => c.notNull())
        .addColumn('resources', 'text', (c) => c.notNull())
        .addColumn('receipt', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addUniqueConstraint('ledger_attempt', ['tenant_id', 'learner', 'attempt_id'])
        .execute();
      await db.schema
        .createIndex('ledger_learner_day')
        .on('ledger')
        .columns(['tenant_id', 'learner', 'credit_day'])
        .execute();
    },
  },
};
