import type { Transaction } from 'kysely';
import type { Database } from '../store/database';
import type { DatabaseSchema } from '../store/schema';

type Work = (trx: Transaction<DatabaseSchema>) => Promise<unknown>;

interface Pending {
  work: Work;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for small writes on the hot path (the jti check, issued cards): writes queued
 * while a commit is in progress share the next transaction, so fifty concurrent hook calls pay
 * for a few durable commits, not fifty. Each write still gets its own result.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private busy = false;

  constructor(private readonly db: Database) {}

  run<T>(work: (trx: Transaction<DatabaseSchema>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.busy) {
        this.busy = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      const results = await this.db.transaction().execute(async (trx) => {
        const out: unknown[] = [];
        for (const item of batch) out.push(await item.work(trx));
        return out;
      });
      batch.forEach((item, i) => {
        item.resolve(results[i]);
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
    if (this.queue.length > 0) setImmediate(() => void this.flush());
    else this.busy = false;
  }
}
