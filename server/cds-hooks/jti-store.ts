import type { Database } from '../store/database';
import { GroupCommit } from '../store/group-commit';

const PURGE_EVERY_MS = 60_000;

/**
 * JWT ids already presented by CDS clients (CDS Hooks 2.0.1 §Trusting CDS Clients: `jti` protects
 * against replay). Kept in the database so every app instance shares them (DESIGN.md §4/§5).
 */
export class CdsJtiStore {
  private lastPurge = 0;

  constructor(
    private readonly db: Database,
    private readonly commit = new GroupCommit(db),
  ) {}

  /**
   * Records `jti` for `iss` until `expiresAt`; false when it was seen before. The insert is the
   * check: the (iss, jti) primary key lets exactly one of two concurrent inserts through, in
   * one process or many, on SQLite and PostgreSQL alike.
   */
  async remember(iss: string, jti: string, expiresAt: Date, now = new Date()): Promise<boolean> {
    const result = await this.commit.run((trx) =>
      trx
        .insertInto('cds_jti')
        .values({ iss, jti, expires_at: expiresAt.toISOString() })
        .onConflict((oc) => oc.columns(['iss', 'jti']).doNothing())
        .executeTakeFirst(),
    );
    if (now.getTime() - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = now.getTime();
      await this.purgeExpired(now);
    }
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** Forgets ids whose token has expired: a replay of those fails on `exp` anyway. */
  async purgeExpired(now = new Date()): Promise<number> {
    const result = await this.db
      .deleteFrom('cds_jti')
      .where('expires_at', '<', now.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
