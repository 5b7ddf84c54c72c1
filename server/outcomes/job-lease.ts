import type { Database } from '../store/database';

/**
 * A named lease in the database, so that of several app processes sharing a store only one runs
 * a job at a time. Taking it is one conditional upsert: it succeeds when the lease is free,
 * expired, or already ours (which renews it); a process that dies leaves it to expire, and one
 * that stops closes it.
 */
export class JobLease {
  /** This holder's operations, one at a time: a release never overtakes a renewal under way. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly name: string,
    /** This process's id in the lease row, unique per process. */
    readonly holder: string,
  ) {}

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** True when this holder now has the lease until `now + ttlMs`; false, too, once closed. */
  take(ttlMs: number, now: Date = new Date()): Promise<boolean> {
    return this.serial(() => (this.closed ? Promise.resolve(false) : this.upsert(ttlMs, now)));
  }

  /** Gives the lease up if this holder has it (a no-op otherwise). */
  release(): Promise<void> {
    return this.serial(() => this.delete());
  }

  /**
   * For a stopping process: gives the lease up after any renewal under way, and never takes it
   * again, so the next process need not wait for it to lapse.
   */
  close(): Promise<void> {
    this.closed = true;
    return this.release();
  }

  private async upsert(ttlMs: number, now: Date): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    const row = await this.db
      .insertInto('job_leases')
      .values({ name: this.name, holder: this.holder, expires_at: expiresAt })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder: this.holder, expires_at: expiresAt })
          .where((eb) =>
            eb.or([
              eb('job_leases.expires_at', '<=', now.toISOString()),
              eb('job_leases.holder', '=', this.holder),
            ]),
          ),
      )
      .returning('holder')
      .executeTakeFirst();
    return row?.holder === this.holder;
  }

  private async delete(): Promise<void> {
    await this.db
      .deleteFrom('job_leases')
      .where('name', '=', this.name)
      .where('holder', '=', this.holder)
      .execute();
  }
}
