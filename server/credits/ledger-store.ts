import type { Selectable } from 'kysely';
import type { Database } from '../store/database';
import type { LedgerTable } from '../store/schema';
import { GENESIS_HASH, ledgerHash, type LedgerEntry } from './ledger-hash';

export type LedgerRow = Selectable<LedgerTable>;

export interface PolicyCounts {
  creditsForCaseToday: number;
  creditThisYear: number;
}

/** The credit ledger. Appends happen in one transaction with the chain head read inside it. */
export class LedgerStore {
  constructor(private readonly db: Database) {}

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
   * the transaction, and returns the entry (or an existing row for a repeated attempt).
   */
  async append(
    key: {
      tenantId: string;
      learner: string;
      attemptId: string;
      caseId: string;
      day: string;
      year: string;
    },
    build: (
      counts: PolicyCounts,
      prevHash: string,
    ) => { entry: LedgerEntry; receipt: (hash: string) => Promise<string> },
  ): Promise<LedgerRow> {
    return this.db.transaction().execute(async (trx) => {
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
      const mine = trx
        .selectFrom('ledger')
        .where('tenant_id', '=', key.tenantId)
        .where('learner', '=', key.learner)
        .where('awarded', '=', 1);
      const today = await mine
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('case_id', '=', key.caseId)
        .where('credit_day', '=', key.day)
        .executeTakeFirstOrThrow();
      const year = await mine
        .select((eb) => eb.fn.sum<number | string | null>('amount').as('total'))
        .where('credit_day', '>=', `${key.year}-01-01`)
        .where('credit_day', '<=', `${key.year}-12-31`)
        .executeTakeFirstOrThrow();
      const { entry, receipt } = build(
        { creditsForCaseToday: Number(today.n), creditThisYear: Number(year.total ?? 0) },
        head?.hash ?? GENESIS_HASH,
      );
      const hash = ledgerHash(entry);
      const row = { ...entry, hash, receipt: await receipt(hash) };
      await trx.insertInto('ledger').values(row).execute();
      return trx
        .selectFrom('ledger')
        .selectAll()
        .where('id', '=', entry.id)
        .executeTakeFirstOrThrow();
    });
  }

  /** Every row in chain order, for `ledger:verify`. */
  all(): Promise<LedgerRow[]> {
    return this.db.selectFrom('ledger').selectAll().orderBy('seq', 'asc').execute();
  }
}
