import { z } from 'zod';
import { MEASURE_IDS } from '../../core/measures/measure';
import type { Database } from '../store/database';
import type { OutcomeComparisonsTable, OutcomeRunsTable } from '../store/schema';
import type { OutcomeReader, OutcomeRun, StoredComparison } from './stored-comparison';

const measureIdSchema = z.enum(MEASURE_IDS);
const sourceSchema = z.enum(['bulk', 'search']);

/** Rows per insert: 15 columns each stays far below either dialect's bound-parameter limit. */
const INSERT_CHUNK = 500;

/**
 * The outcomes job's results: per tenant, the comparisons of its last run (replaced whole, so a
 * reader never sees half a run) and a record of every run.
 */
export class OutcomeStore implements OutcomeReader {
  constructor(private readonly db: Database) {}

  /** Replaces the tenant's comparisons with `rows` and records `run`, in one transaction. */
  async replaceForTenant(run: OutcomeRun, rows: readonly StoredComparison[]): Promise<void> {
    const foreign = rows.find((row) => row.tenantId !== run.tenantId);
    if (foreign) throw new Error('replaceForTenant: a comparison of another tenant');
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('outcome_comparisons').where('tenant_id', '=', run.tenantId).execute();
      const values = rows.map(toRow);
      for (let i = 0; i < values.length; i += INSERT_CHUNK) {
        await trx
          .insertInto('outcome_comparisons')
          .values(values.slice(i, i + INSERT_CHUNK))
          .execute();
      }
      const runRow: OutcomeRunsTable = {
        tenant_id: run.tenantId,
        computed_at: run.computedAt,
        before_days: run.beforeDays,
        after_days: run.afterDays,
        source: run.source,
        patients: run.patients,
      };
      await trx
        .insertInto('outcome_runs')
        .values(runRow)
        .onConflict((oc) => oc.columns(['tenant_id', 'computed_at']).doUpdateSet(runRow))
        .execute();
    });
  }

  async forLearner(tenantId: string, learner: string): Promise<StoredComparison[]> {
    const rows = await this.db
      .selectFrom('outcome_comparisons')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('learner', '=', learner)
      .orderBy('credited_at')
      .orderBy('credit_id')
      .orderBy('measure_id')
      .execute();
    return rows.map(fromRow);
  }

  async all(filter: { tenantId?: string }): Promise<StoredComparison[]> {
    let query = this.db
      .selectFrom('outcome_comparisons')
      .selectAll()
      .orderBy('tenant_id')
      .orderBy('learner')
      .orderBy('credited_at')
      .orderBy('credit_id')
      .orderBy('measure_id');
    if (filter.tenantId !== undefined) query = query.where('tenant_id', '=', filter.tenantId);
    return (await query.execute()).map(fromRow);
  }

  async lastRun(tenantId?: string): Promise<OutcomeRun | undefined> {
    let query = this.db
      .selectFrom('outcome_runs')
      .selectAll()
      .orderBy('computed_at', 'desc')
      .orderBy('tenant_id')
      .limit(1);
    if (tenantId !== undefined) query = query.where('tenant_id', '=', tenantId);
    const row = await query.executeTakeFirst();
    return (
      row && {
        tenantId: row.tenant_id,
        computedAt: row.computed_at,
        beforeDays: row.before_days,
        afterDays: row.after_days,
        source: sourceSchema.parse(row.source),
        patients: row.patients,
      }
    );
  }
}

function toRow(row: StoredComparison): OutcomeComparisonsTable {
  return {
    tenant_id: row.tenantId,
    learner: row.learner,
    credit_id: row.creditId,
    case_id: row.caseId,
    case_version: row.caseVersion,
    credited_at: row.creditedAt,
    measure_id: row.measureId,
    before_start: row.before.periodStart,
    before_end: row.before.periodEnd,
    before_numerator: row.before.numerator,
    before_denominator: row.before.denominator,
    after_start: row.after.periodStart,
    after_end: row.after.periodEnd,
    after_numerator: row.after.numerator,
    after_denominator: row.after.denominator,
    learner_name: row.learnerName ?? null,
  };
}

function fromRow(row: OutcomeComparisonsTable): StoredComparison {
  return {
    tenantId: row.tenant_id,
    learner: row.learner,
    creditId: row.credit_id,
    caseId: row.case_id,
    caseVersion: row.case_version,
    creditedAt: row.credited_at,
    measureId: measureIdSchema.parse(row.measure_id),
    before: {
      periodStart: row.before_start,
      periodEnd: row.before_end,
      numerator: row.before_numerator,
      denominator: row.before_denominator,
    },
    after: {
      periodStart: row.after_start,
      periodEnd: row.after_end,
      numerator: row.after_numerator,
      denominator: row.after_denominator,
    },
    ...(row.learner_name !== null && { learnerName: row.learner_name }),
  };
}
