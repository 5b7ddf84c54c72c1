import { expect, test } from 'vitest';
import { ATTEMPT_START, advanceAttempt, type AttemptProgress } from './attempt-progress';

const check = (questionId: string, correct: boolean) =>
  ({ type: 'check', answer: { questionId, optionId: 'a', correct, variant: 'standard' } }) as const;

test('only the first answer to a question counts', () => {
  const once = advanceAttempt(ATTEMPT_START, check('q1', false));
  const twice = advanceAttempt(once, check('q1', true));

  expect(twice.answers).toEqual([
    { questionId: 'q1', optionId: 'a', correct: false, variant: 'standard' },
  ]);
});

test('after the last question come the key points and reflection, then done', () => {
  let state: AttemptProgress = ATTEMPT_START;
  state = advanceAttempt(state, { type: 'next', questionCount: 2 });
  expect(state.step).toEqual({ kind: 'question', index: 1 });
  expect(advanceAttempt(state, { type: 'finish' })).toBe(state);

  state = advanceAttempt(state, { type: 'next', questionCount: 2 });
  expect(state.step).toEqual({ kind: 'wrap-up' });
  expect(advanceAttempt(state, check('q3', true))).toBe(state);
  expect(advanceAttempt(state, { type: 'finish' }).step).toEqual({ kind: 'done' });
});
