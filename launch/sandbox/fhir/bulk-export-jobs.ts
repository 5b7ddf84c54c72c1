import type { Snapshot } from './bulk-export-snapshot';

/** Jobs and their files are kept an hour, then forgotten (the manifest's `Expires`). */
export const EXPORT_JOB_TTL_MS = 60 * 60_000;

export interface ExportJob {
  id: string;
  /** Only this backend client may poll, download or cancel. */
  clientId: string;
  /** The kick-off URL, echoed as the manifest's `request`. */
  request: string;
  types: readonly string[];
  /** Before this instant the job reports in progress, whatever the snapshot's state. */
  readyAt: number;
  expiresAt: number;
  outcome?: { snapshot: Snapshot } | { failure: string };
}

export interface ExportJobsOptions {
  /** Simulated work: a job completes no sooner than this after kick-off. */
  delayMs: number;
  /** Live jobs one client may hold; each keeps its files in memory until deleted or expired. */
  maxJobsPerClient?: number;
  now?: () => number;
}

/**
 * The sandbox's bulk export jobs, in memory (one sandbox process). A job runs `work` once, in the
 * background; a job deleted meanwhile is never given its result.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, ExportJob>();

  constructor(private readonly options: ExportJobsOptions) {}

  /** Starts a job, or answers undefined when the client already holds its maximum of jobs. */
  start(
    job: Pick<ExportJob, 'clientId' | 'request' | 'types'>,
    work: (cancelled: () => boolean) => Promise<Snapshot>,
  ): ExportJob | undefined {
    this.sweep();
    const held = [...this.jobs.values()].filter((j) => j.clientId === job.clientId).length;
    if (held >= (this.options.maxJobsPerClient ?? 20)) return undefined;
    const now = this.now();
    const created: ExportJob = {
      ...job,
      id: crypto.randomUUID(),
      readyAt: now + this.options.delayMs,
      expiresAt: now + EXPORT_JOB_TTL_MS,
    };
    this.jobs.set(created.id, created);
    const cancelled = (): boolean => this.jobs.get(created.id) !== created;
    setImmediate(() => {
      void work(cancelled).then(
        (snapshot) => {
          created.outcome = { snapshot };
        },
        (error: unknown) => {
          created.outcome = { failure: error instanceof Error ? error.name : 'export failed' };
        },
      );
    });
    return created;
  }

  find(id: string): ExportJob | undefined {
    this.sweep();
    return this.jobs.get(id);
  }

  /** Whether the job's result may be shown: its work is done and its simulated delay is over. */
  isDone(job: ExportJob): boolean {
    return job.outcome !== undefined && this.now() >= job.readyAt;
  }

  /** Milliseconds until the job could be done, at least a second's worth when unknown. */
  remainingMs(job: ExportJob): number {
    return Math.max(job.readyAt - this.now(), job.outcome === undefined ? 1000 : 0);
  }

  delete(id: string): void {
    this.jobs.delete(id);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, job] of this.jobs) if (job.expiresAt <= now) this.jobs.delete(id);
  }
}
