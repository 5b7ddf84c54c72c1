import type { Transaction } from 'kysely';
import type { Database } from './database';
import type { DatabaseSchema } from './schema';

type Work = (trx: Transaction<DatabaseSchema>) => Promise<unknown>;

interface Pending {
  work: Work;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for small writes on hot paths (a credit, the jti check, issued cards): writes
 * queued while a commit is in progress share the next transaction, so fifty concurrent requests
 * pay for a few durable commits, not fifty. Each write gets its own result once its transaction
 * has committed; when a shared transaction fails, each of its writes is retried alone, so one
 * bad write never fails the others.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private busy = false;

  constructor(
    private readonly db: Database,
    /** Bounds how long one transaction (and any lock it takes) stays open. */
    private readonly maxBatch = 32,
  ) {}

  run<T>(work: (trx: Transaction<DatabaseSchema>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.busy) {
        this.busy = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxBatch));
    this.busy = false;
  }

  /** Commits `batch` in one transaction, or each write alone if that fails. Never throws. */
  private async commit(batch: Pending[]): Promise<void> {
    let results: unknown[];
    try {
      results = await this.db.transaction().execute(async (trx) => {
        const out: unknown[] = [];
        for (const item of batch) out.push(await item.work(trx));
        return out;
      });
    } catch (error) {
      if (batch.length > 1) {
        for (const item of batch) await this.commit([item]);
      } else {
        batch[0]?.reject(error);
      }
      return;
    }
    batch.forEach((item, i) => {
      item.resolve(results[i]);
    });
  }
}
