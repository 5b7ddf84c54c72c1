import { pino } from 'pino';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { scheduleOutcomes } from './outcomes-schedule';
import type { RefreshSummary } from './refresh-outcomes';

const logger = pino({ level: 'silent' });
const done: RefreshSummary = { ran: true, tenants: [], comparisons: 0, ms: 0 };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('the first run comes after firstRunSeconds, then one every refreshMinutes, until stopped', async () => {
  const job = vi.fn(() => Promise.resolve(done));
  const schedule = scheduleOutcomes({
    job,
    refreshMinutes: 60,
    firstRunSeconds: 30,
    retrySkippedAfterMs: 360_000,
    logger,
  });
  await vi.advanceTimersByTimeAsync(29_999);
  expect(job).toHaveBeenCalledTimes(0);
  await vi.advanceTimersByTimeAsync(1);
  expect(job).toHaveBeenCalledTimes(1);
  await vi.advanceTimersByTimeAsync(2 * 60 * 60_000);
  expect(job).toHaveBeenCalledTimes(3);
  schedule.stop();
  await vi.advanceTimersByTimeAsync(10 * 60 * 60_000);
  expect(job).toHaveBeenCalledTimes(3);
});

test('refreshMinutes 0 turns the schedule off', async () => {
  const job = vi.fn(() => Promise.resolve(done));
  scheduleOutcomes({
    job,
    refreshMinutes: 0,
    firstRunSeconds: 0,
    retrySkippedAfterMs: 360_000,
    logger,
  });
  await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
  expect(job).not.toHaveBeenCalled();
});

test('a run still going when the next is due is not doubled, and a failed run does not stop the schedule', async () => {
  let finish: (() => void) | undefined;
  const job = vi
    .fn<() => Promise<RefreshSummary>>()
    .mockImplementationOnce(() => new Promise((resolve) => (finish = () => resolve(done))))
    .mockImplementationOnce(() => Promise.reject(new Error('store down')))
    .mockImplementation(() => Promise.resolve(done));
  const schedule = scheduleOutcomes({
    job,
    refreshMinutes: 1,
    firstRunSeconds: 0,
    retrySkippedAfterMs: 360_000,
    logger,
  });
  await vi.advanceTimersByTimeAsync(3 * 60_000);
  expect(job).toHaveBeenCalledTimes(1);
  finish?.();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(job).toHaveBeenCalledTimes(2);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(job).toHaveBeenCalledTimes(3);
  schedule.stop();
});

test('a first run skipped for a held lease is tried again once it would have lapsed; later skips wait for the next slot', async () => {
  const skipped: RefreshSummary = { ran: false, tenants: [], comparisons: 0, ms: 0 };
  const job = vi.fn(() => Promise.resolve(skipped));
  const schedule = scheduleOutcomes({
    job,
    refreshMinutes: 24 * 60,
    firstRunSeconds: 30,
    retrySkippedAfterMs: 6 * 60_000,
    logger,
  });
  await vi.advanceTimersByTimeAsync(30_000);
  expect(job).toHaveBeenCalledTimes(1);
  await vi.advanceTimersByTimeAsync(6 * 60_000);
  expect(job).toHaveBeenCalledTimes(2);
  // The retry was skipped too: no further retries until the day's run.
  await vi.advanceTimersByTimeAsync(60 * 60_000);
  expect(job).toHaveBeenCalledTimes(2);
  await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
  expect(job).toHaveBeenCalledTimes(3);
  schedule.stop();
});

test('stopping cancels a pending retry', async () => {
  const job = vi.fn(() => Promise.resolve({ ran: false, tenants: [], comparisons: 0, ms: 0 }));
  const schedule = scheduleOutcomes({
    job,
    refreshMinutes: 24 * 60,
    firstRunSeconds: 0,
    retrySkippedAfterMs: 6 * 60_000,
    logger,
  });
  await vi.advanceTimersByTimeAsync(1);
  schedule.stop();
  await vi.advanceTimersByTimeAsync(48 * 60 * 60_000);
  expect(job).toHaveBeenCalledTimes(1);
});
