import type { Database } from '../store/database';

/**
 * A named lease in the database, so that of several app processes sharing a store only one runs
 * a job at a time. Taking it is one conditional upsert: it succeeds when the lease is free,
 * expired, or already ours (which renews it); a process that dies leaves it to expire.
 */
export class JobLease {
  constructor(
    private readonly db: Database,
    private readonly name: string,
    /** This process's id in the lease row, unique per process. */
    readonly holder: string,
  ) {}

  /** True when this holder now has the lease until `now + ttlMs`. */
  async take(ttlMs: number, now: Date = new Date()): Promise<boolean> {
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

  /** Gives the lease up if this holder has it (a no-op otherwise). */
  async release(): Promise<void> {
    await this.db
      .deleteFrom('job_leases')
      .where('name', '=', this.name)
      .where('holder', '=', this.holder)
      .execute();
  }
}
