import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { localLearnerHistory } from '../learner-history/local-learner-history';
import { finishedAttempt } from '../learner-history/test-support/attempt-fixture';
import { freshIndexedDbPerTest } from '../learner-history/test-support/fresh-indexeddb';
import { createCreditOutbox } from './credit-outbox';
import { retryPending } from './retry-pending';
import { completions, refusal, type CompletionCall } from './test-support/credit-api';
import { fakeCreditAccess } from './test-support/fake-credit-access';

const server = setupServer();
freshIndexedDbPerTest();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => {
  server.close();
});

/** An outbox holding one finished attempt whose first try failed with `answer`. */
async function afterFailedTry(answer: () => Response) {
  server.use(completions([], answer));
  const store = localLearnerHistory('Practitioner/dr-ada');
  await store.recordCompletion(finishedAttempt());
  const outbox = createCreditOutbox({ store, access: fakeCreditAccess(), patientId: 'pat-1' });
  await outbox.submit(finishedAttempt());
  return { outbox, store };
}

test('back online, what waits is sent at once, with the same attempt id', async () => {
  const { outbox, store } = await afterFailedTry(() => HttpResponse.error());
  const calls: CompletionCall[] = [];
  server.use(completions(calls));
  const stop = retryPending(outbox, window, [3_600_000]);

  window.dispatchEvent(new Event('online'));

  await expect.poll(() => store.pendingAttempts()).toEqual([]);
  expect(calls.map((call) => call.body.attemptId)).toEqual([finishedAttempt().attemptId]);
  stop();
});

test('after a server failure it tries again by itself, waiting longer each time', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const calls: CompletionCall[] = [];
  const { outbox, store } = await afterFailedTry(() => HttpResponse.error());
  server.use(completions(calls, () => new HttpResponse(null, { status: 503 })));
  const stop = retryPending(outbox, window, [1_000, 5_000]);

  await vi.advanceTimersByTimeAsync(1_000);
  await expect.poll(() => calls.length).toBe(1);
  await vi.advanceTimersByTimeAsync(4_000);
  expect(calls).toHaveLength(1);
  server.use(completions(calls));
  await vi.advanceTimersByTimeAsync(1_000);

  await expect.poll(() => store.pendingAttempts()).toEqual([]);
  expect(calls).toHaveLength(2);
  stop();
});

test('nothing is retried by itself when only a new launch can help', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const { outbox } = await afterFailedTry(() => refusal(401, 'SESSION_INVALID'));
  const calls: CompletionCall[] = [];
  server.use(completions(calls));
  const stop = retryPending(outbox, window, [1_000]);

  await vi.advanceTimersByTimeAsync(10_000);

  expect(calls).toHaveLength(0);
  stop();
});
