import { sql } from 'kysely';
import { CREDIT_TYPES } from '../../core/credits/credit-policy';
import type { CreditsPerPeriod } from '../../core/wire/admin';
import type { Database } from '../store/database';

/** Characters of `credit_day` (`YYYY-MM-DD`) that name each period. */
const PERIOD_LENGTH = { day: 10, month: 7, year: 4 } as const;

export interface CreditsQuery {
  period: CreditsPerPeriod['period'];
  /** First and last credit day included (`YYYY-MM-DD`). */
  from?: string;
  to?: string;
  tenantId?: string;
}

/**
 * Completions and credit per period and EHR, read from the ledger (the credit day is the
 * learner's local day of the completion): what the CME office reports each month or year.
 */
export async function creditsPerPeriod(
  db: Database,
  query: CreditsQuery,
): Promise<CreditsPerPeriod> {
  const periodOf = sql<string>`substr(credit_day, 1, ${sql.lit(PERIOD_LENGTH[query.period])})`;
  // AMA PRA credit (physicians) and participation (other professions) are counted apart.
  const participation = sql<boolean>`credit_type = ${CREDIT_TYPES['ama-pra-1-participation']}`;
  let select = db
    .selectFrom('ledger')
    .select((eb) => [
      periodOf.as('period'),
      'tenant_id',
      eb.fn.countAll<number | string>().as('completions'),
      sql<
        number | string | null
      >`sum(case when awarded = 1 and not (${participation}) then 1 else 0 end)`.as('awarded'),
      sql<
        number | string | null
      >`sum(case when awarded = 1 and not (${participation}) then amount else 0 end)`.as('amount'),
      sql<
        number | string | null
      >`sum(case when awarded = 1 and ${participation} then 1 else 0 end)`.as('participations'),
      sql<
        number | string | null
      >`sum(case when awarded = 1 and ${participation} then amount else 0 end)`.as(
        'participation_amount',
      ),
      sql<number | string>`count(distinct learner)`.as('learners'),
    ]);
  if (query.from !== undefined) select = select.where('credit_day', '>=', query.from);
  if (query.to !== undefined) select = select.where('credit_day', '<=', query.to);
  if (query.tenantId !== undefined) select = select.where('tenant_id', '=', query.tenantId);
  const rows = await select
    .groupBy([periodOf, 'tenant_id'])
    .orderBy(periodOf)
    .orderBy('tenant_id')
    .execute();
  const tenants = new Map(
    (await db.selectFrom('tenants').select(['id', 'iss']).execute()).map((t) => [t.id, t.iss]),
  );
  return {
    period: query.period,
    rows: rows.map((row) => {
      const iss = tenants.get(row.tenant_id);
      return {
        period: row.period,
        tenantId: row.tenant_id,
        ...(iss !== undefined && { iss }),
        completions: Number(row.completions),
        creditsAwarded: Number(row.awarded ?? 0),
        // Sums of halves and quarters; rounding removes float noise from the sum.
        amount: Math.round(Number(row.amount ?? 0) * 1000) / 1000,
        participations: Number(row.participations ?? 0),
        participationAmount: Math.round(Number(row.participation_amount ?? 0) * 1000) / 1000,
        learners: Number(row.learners),
      };
    }),
  };
}
