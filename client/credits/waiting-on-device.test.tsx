import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { localLearnerHistory } from '../learner-history/local-learner-history';
import { finishedAttempt } from '../learner-history/test-support/attempt-fixture';
import { freshIndexedDbPerTest } from '../learner-history/test-support/fresh-indexeddb';
import { WaitingOnDevice } from './waiting-on-device';

freshIndexedDbPerTest();
afterEach(cleanup);

test("while the chart cannot be read, the learner's cases waiting on this device are counted", async () => {
  await localLearnerHistory('Practitioner/dr-ada').recordCompletion(finishedAttempt());
  await localLearnerHistory('Practitioner/dr-bea').recordCompletion(
    finishedAttempt({ attemptId: '7a1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6f' }),
  );

  renderInLanguage(<WaitingOnDevice fhirUser={Promise.resolve('Practitioner/dr-ada')} />);

  expect(
    await screen.findByText(
      '1 finished case is saved on this device and waiting to be sent for credit. They will be sent once Chartside can read the chart again.',
    ),
  ).toBeTruthy();
});

test('with nothing waiting, or no learner known, it says nothing', async () => {
  renderInLanguage(<WaitingOnDevice fhirUser={Promise.reject(new Error('no launch'))} />);
  renderInLanguage(<WaitingOnDevice fhirUser={Promise.resolve('Practitioner/dr-ada')} />);

  await expect(localLearnerHistory('Practitioner/dr-ada').pendingAttempts()).resolves.toEqual([]);
  expect(screen.getAllByRole('status').map((status) => status.textContent)).toEqual(['', '']);
});
