import { sql, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../store/database';
import { GroupCommit } from '../store/group-commit';
import { isPostgres } from '../store/dialect';
import type { DatabaseSchema, LedgerTable } from '../store/schema';
import { GENESIS_HASH, ledgerHash, type LedgerEntry } from './ledger-hash';

export type LedgerRow = Selectable<LedgerTable>;

export interface PolicyCounts {
  creditsForCaseToday: number;
  creditThisYear: number;
}

/** The credit ledger. Appends happen in one transaction with the chain head read inside it. */
export class LedgerStore {
  private readonly commit: GroupCommit;

  constructor(private readonly db: Database) {
    this.commit = new GroupCommit(db);
  }

  findAttempt(
    tenantId: string,
    learner: string,
    attemptId: string,
  ): Promise<LedgerRow | undefined> {
    return this.db
      .selectFrom('ledger')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('learner', '=', learner)
      .where('attempt_id', '=', attemptId)
      .executeTakeFirst();
  }

  findCredit(tenantId: string, learner: string, id: string): Promise<LedgerRow | undefined> {
    return this.db
      .selectFrom('ledger')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('learner', '=', learner)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  listCredits(
    tenantId: string,
    learner: string,
    period: { from: string; to: string },
  ): Promise<LedgerRow[]> {
    return this.db
      .selectFrom('ledger')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('learner', '=', learner)
      .where('credit_day', '>=', period.from)
      .where('credit_day', '<=', period.to)
      .orderBy('seq', 'desc')
      .execute();
  }

  /**
   * Appends one entry: `build` gets the chain head and the learner's counts as they are inside
   * the transaction, and returns the entry (or an existing row for a repeated attempt). Resolves
   * once the row is committed (durably, on SQLite with synchronous FULL).
   *
   * Appends are serialized so the ledger stays one chain: SQLite's transactions take the write
   * lock when they begin (IMMEDIATE); on PostgreSQL the transaction locks the ledger table
   * against other writers, in every process, before it reads the head. Appends that arrive
   * while a transaction is open share the next one (group commit: one fsync for many credits).
   */
  async append(key: AppendKey, build: BuildEntry): Promise<LedgerRow> {
    try {
      return await this.commit.run((trx) => appendOne(trx, key, build));
    } catch (error) {
      // Another process recorded this attempt first: answer with its row, as a repeat would get.
      const existing = isUniqueViolation(error)
        ? await this.findAttempt(key.tenantId, key.learner, key.attemptId).catch(() => undefined)
        : undefined;
      if (existing) return existing;
      throw error;
    }
  }

  /** The tenant's awarded credits, oldest first, for the outcomes job. */
  awardedCredits(tenantId: string): Promise<LedgerRow[]> {
    return this.db
      .selectFrom('ledger')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('awarded', '=', 1)
      .orderBy('seq', 'asc')
      .execute();
  }

  /** Every row in chain order, for `ledger:verify`. */
  all(): Promise<LedgerRow[]> {
    return this.db.selectFrom('ledger').selectAll().orderBy('seq', 'asc').execute();
  }
}

export interface AppendKey {
  tenantId: string;
  learner: string;
  attemptId: string;
  caseId: string;
  day: string;
  year: string;
}

export type BuildEntry = (
  counts: PolicyCounts,
  prevHash: string,
) => { entry: LedgerEntry; receipt: (hash: string) => string | Promise<string> };

/**
 * One entry, inside a transaction that may hold others before it: the chain head is read after
 * them, so each entry links to the one written just before it.
 */
async function appendOne(
  trx: Transaction<DatabaseSchema>,
  key: AppendKey,
  build: BuildEntry,
): Promise<LedgerRow> {
  // SHARE ROW EXCLUSIVE conflicts with itself and with plain inserts, not with readers; taking
  // it again in the same transaction is free.
  if (isPostgres(trx)) await sql`lock table ledger in share row exclusive mode`.execute(trx);
  const existing = await trx
    .selectFrom('ledger')
    .selectAll()
    .where('tenant_id', '=', key.tenantId)
    .where('learner', '=', key.learner)
    .where('attempt_id', '=', key.attemptId)
    .executeTakeFirst();
  if (existing) return existing;
  const head = await trx
    .selectFrom('ledger')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Both policy counts in one pass over the learner's awarded credits of this year.
  const counts = await trx
    .selectFrom('ledger')
    .select((eb) => [
      eb.fn
        .sum<number | string | null>(
          eb
            .case()
            .when(eb.and([eb('case_id', '=', key.caseId), eb('credit_day', '=', key.day)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('today'),
      eb.fn.sum<number | string | null>('amount').as('total'),
    ])
    .where('tenant_id', '=', key.tenantId)
    .where('learner', '=', key.learner)
    .where('awarded', '=', 1)
    .where('credit_day', '>=', `${key.year}-01-01`)
    .where('credit_day', '<=', `${key.year}-12-31`)
    .executeTakeFirstOrThrow();
  const { entry, receipt } = build(
    { creditsForCaseToday: Number(counts.today ?? 0), creditThisYear: Number(counts.total ?? 0) },
    head?.hash ?? GENESIS_HASH,
  );
  const hash = ledgerHash(entry);
  return trx
    .insertInto('ledger')
    .values({ ...entry, hash, receipt: await receipt(hash) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A unique constraint refused the row (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
