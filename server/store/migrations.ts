import type { Kysely, Migration } from 'kysely';
import { dialectColumns } from './dialect';

/**
 * Schema migrations, applied in key order on SQLite and PostgreSQL alike; never edit one that
 * has shipped, add the next. Columns are dialect-neutral (`text`, `integer`); where a type
 * differs between the two, take it from `dialectColumns(db)`.
 */
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
      const { double, serial } = dialectColumns(db);
      await db.schema
        .createTable('ledger')
        .addColumn('seq', serial.type, serial.key)
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('learner', 'text', (c) => c.notNull())
        .addColumn('attempt_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('case_version', 'text', (c) => c.notNull())
        .addColumn('encounter', 'text', (c) => c.notNull())
        .addColumn('encounter_version', 'text')
        .addColumn('awarded', 'integer', (c) => c.notNull())
        .addColumn('amount', double, (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('credit_type', 'text', (c) => c.notNull())
        .addColumn('denials', 'text', (c) => c.notNull())
        .addColumn('score', double, (c) => c.notNull())
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
  '0003_cds_hooks': {
    async up(db: Kysely<unknown>): Promise<void> {
      // CDS Hooks JWT ids seen: the primary key makes "insert" the atomic replay check.
      await db.schema
        .createTable('cds_jti')
        .addColumn('iss', 'text', (c) => c.notNull())
        .addColumn('jti', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cds_jti_pk', ['iss', 'jti'])
        .execute();
      await db.schema.createIndex('cds_jti_expiry').on('cds_jti').column('expires_at').execute();
      await db.schema
        .createTable('cds_cards')
        .addColumn('uuid', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('learner', 'text', (c) => c.notNull())
        .addColumn('service_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('case_version', 'text', (c) => c.notNull())
        .addColumn('hook_instance', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('cds_feedback')
        .addColumn('card_uuid', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('outcome_at', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('learner', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('reason_system', 'text')
        .addColumn('reason_code', 'text')
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cds_feedback_pk', ['card_uuid', 'outcome', 'outcome_at'])
        .execute();
      await db.schema
        .createIndex('cds_feedback_learner')
        .on('cds_feedback')
        .columns(['tenant_id', 'learner', 'case_id'])
        .execute();
    },
  },
  '0004_tenant_admin': {
    async up(db: Kysely<unknown>): Promise<void> {
      // Registrations from before keep working: production, no per-environment ids, no discovery.
      await db.schema
        .alterTable('tenants')
        .addColumn('environment', 'text', (c) => c.notNull().defaultTo('production'))
        .execute();
      await db.schema
        .alterTable('tenants')
        .addColumn('client_ids', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema.alterTable('tenants').addColumn('discovery', 'text').execute();
      await db.schema
        .createTable('admin_audit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('iss', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('admin_audit_tenant')
        .on('admin_audit')
        .columns(['tenant_id', 'at'])
        .execute();
    },
  },
  '0005_learner_profiles': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('learner_profiles')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('learner', 'text', (c) => c.notNull())
        .addColumn('profile', 'text', (c) => c.notNull())
        // Outside the JSON so the CME office's report can select consenting learners.
        .addColumn('report_consent', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('learner_profiles_pk', ['tenant_id', 'learner'])
        .execute();
      await db.schema
        .createTable('review_cards')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('learner', 'text', (c) => c.notNull())
        .addColumn('teaching_point', 'text', (c) => c.notNull())
        .addColumn('card', 'text', (c) => c.notNull())
        .addColumn('due', 'text', (c) => c.notNull())
        .addColumn('last_correct', 'integer', (c) => c.notNull())
        .addColumn('last_answered_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('review_cards_pk', ['tenant_id', 'learner', 'teaching_point'])
        .execute();
      await db.schema
        .createIndex('review_cards_due')
        .on('review_cards')
        .columns(['tenant_id', 'learner', 'due'])
        .execute();
      await db.schema
        .createTable('review_answers')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('learner', 'text', (c) => c.notNull())
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addColumn('teaching_point', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('case_version', 'text', (c) => c.notNull())
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('option_id', 'text', (c) => c.notNull())
        .addColumn('correct', 'integer', (c) => c.notNull())
        .addColumn('confidence', 'text')
        .addColumn('seconds', 'integer')
        .addColumn('rating', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('answered_at', 'text', (c) => c.notNull())
        .addColumn('next_due', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('review_answers_pk', ['tenant_id', 'learner', 'review_id'])
        .execute();
    },
  },
  '0006_ledger_policy_counts': {
    // The credit policy counts a learner's awarded credits of the year inside every ledger
    // append; this index answers that alone, without a row read per credit the learner has.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('ledger_learner_awarded')
        .on('ledger')
        .columns(['tenant_id', 'learner', 'awarded', 'credit_day', 'case_id', 'amount'])
        .execute();
    },
  },
  '0007_outcomes': {
    async up(db: Kysely<unknown>): Promise<void> {
      // One row per credit × measure, replaced per tenant by each run of the outcomes job.
      await db.schema
        .createTable('outcome_comparisons')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('learner', 'text', (c) => c.notNull())
        .addColumn('credit_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('case_version', 'text', (c) => c.notNull())
        .addColumn('credited_at', 'text', (c) => c.notNull())
        .addColumn('measure_id', 'text', (c) => c.notNull())
        .addColumn('before_start', 'text', (c) => c.notNull())
        .addColumn('before_end', 'text', (c) => c.notNull())
        .addColumn('before_numerator', 'integer', (c) => c.notNull())
        .addColumn('before_denominator', 'integer', (c) => c.notNull())
        .addColumn('after_start', 'text', (c) => c.notNull())
        .addColumn('after_end', 'text', (c) => c.notNull())
        .addColumn('after_numerator', 'integer', (c) => c.notNull())
        .addColumn('after_denominator', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('outcome_comparisons_pk', ['tenant_id', 'credit_id', 'measure_id'])
        .execute();
      await db.schema
        .createIndex('outcome_comparisons_learner')
        .on('outcome_comparisons')
        .columns(['tenant_id', 'learner'])
        .execute();
      await db.schema
        .createTable('outcome_runs')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addColumn('before_days', 'integer', (c) => c.notNull())
        .addColumn('after_days', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('patients', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('outcome_runs_pk', ['tenant_id', 'computed_at'])
        .execute();
      // Named leases (one row each) so that of several app processes one runs a job at a time.
      await db.schema
        .createTable('job_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0008_tenant_backend_services': {
    async up(db: Kysely<unknown>): Promise<void> {
      // JSON BackendServices (core/tenant.ts), or null when the tenant has no system access.
      await db.schema.alterTable('tenants').addColumn('backend_services', 'text').execute();
    },
  },
  '0009_outcome_learner_names': {
    async up(db: Kysely<unknown>): Promise<void> {
      // The clinician's name as the EHR's Practitioner gives it, when the job could read it.
      await db.schema.alterTable('outcome_comparisons').addColumn('learner_name', 'text').execute();
    },
  },
};
