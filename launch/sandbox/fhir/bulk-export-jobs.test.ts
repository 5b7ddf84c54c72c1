import { expect, test } from 'vitest';
import { EXPORT_JOB_TTL_MS, ExportJobs } from './bulk-export-jobs';
import type { Snapshot } from './bulk-export-snapshot';

const snapshot: Snapshot = { transactionTime: '2026-11-26T00:00:00.000Z', files: [] };
const job = { clientId: 'outcomes', request: 'http://localhost/fhir/$export', types: ['Patient'] };
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('a job reports in progress until its delay is over, even when its work is done', async () => {
  let now = 1_000;
  const jobs = new ExportJobs({ delayMs: 250, now: () => now });
  const started = jobs.start(job, () => Promise.resolve(snapshot))!;
  await settle();
  await settle();
  expect(jobs.isDone(started)).toBe(false);
  expect(jobs.remainingMs(started)).toBe(250);
  now += 250;
  expect(jobs.isDone(started)).toBe(true);
  expect(started.outcome).toEqual({ snapshot });
});

test('a job whose work is not finished is not done, whatever the delay', async () => {
  let now = 0;
  const jobs = new ExportJobs({ delayMs: 0, now: () => now });
  const started = jobs.start(job, () => new Promise<Snapshot>(() => undefined))!;
  await settle();
  now += 60_000;
  expect(jobs.isDone(started)).toBe(false);
  expect(jobs.remainingMs(started)).toBe(1000);
});

test('a failed job is done with a failure and no files', async () => {
  const jobs = new ExportJobs({ delayMs: 0 });
  const started = jobs.start(job, () => Promise.reject(new TypeError('boom')))!;
  await settle();
  await settle();
  expect(jobs.isDone(started)).toBe(true);
  expect(started.outcome).toEqual({ failure: 'TypeError' });
});

test('a deleted job is gone and its work sees it was cancelled', async () => {
  const jobs = new ExportJobs({ delayMs: 0 });
  let cancelled: (() => boolean) | undefined;
  const started = jobs.start(job, (isCancelled) => {
    cancelled = isCancelled;
    return Promise.resolve(snapshot);
  })!;
  await settle();
  expect(cancelled?.()).toBe(false);
  jobs.delete(started.id);
  expect(cancelled?.()).toBe(true);
  expect(jobs.find(started.id)).toBeUndefined();
});

test('jobs expire after an hour', () => {
  let now = 0;
  const jobs = new ExportJobs({ delayMs: 0, now: () => now });
  const started = jobs.start(job, () => Promise.resolve(snapshot))!;
  now += EXPORT_JOB_TTL_MS - 1;
  expect(jobs.find(started.id)).toBe(started);
  now += 1;
  expect(jobs.find(started.id)).toBeUndefined();
});

test('a client holding its maximum of jobs cannot start another; other clients can', () => {
  const jobs = new ExportJobs({ delayMs: 0, maxJobsPerClient: 2 });
  const work = (): Promise<Snapshot> => Promise.resolve(snapshot);
  const first = jobs.start(job, work)!;
  expect(jobs.start(job, work)).toBeDefined();
  expect(jobs.start(job, work)).toBeUndefined();
  expect(jobs.start({ ...job, clientId: 'other' }, work)).toBeDefined();
  jobs.delete(first.id);
  expect(jobs.start(job, work)).toBeDefined();
});

test('job ids are random UUIDs', () => {
  const jobs = new ExportJobs({ delayMs: 0, maxJobsPerClient: 100 });
  const ids = new Set(
    Array.from({ length: 20 }, () => jobs.start(job, () => Promise.resolve(snapshot))!.id),
  );
  expect(ids.size).toBe(20);
  for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
});
