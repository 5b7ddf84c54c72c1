import { expect, test } from 'vitest';
import { caseWithVariants } from '../micro-case/test-support/variant-case';
import { gradeAttempt, type AnswerChoice } from './grade-attempt';

const microCase = caseWithVariants();
const rest: AnswerChoice[] = [
  { questionId: 'q2', optionId: 'o1' },
  { questionId: 'q3', optionId: 'o1' },
];

test('an answer is graded against the variant the learner was shown', () => {
  expect(
    gradeAttempt(microCase, [
      { questionId: 'q1', optionId: 'hard-o1', variant: 'harder' },
      ...rest,
    ]),
  ).toEqual({ correct: 3, total: 3, score: 1, invalid: [] });
  expect(
    gradeAttempt(microCase, [
      { questionId: 'q1', optionId: 'easy-o2', variant: 'easier' },
      ...rest,
    ]),
  ).toEqual({ correct: 2, total: 3, score: 2 / 3, invalid: [] });
});

test('every variant is worth the same: the right answer scores one, whichever version', () => {
  const score = (answer: AnswerChoice): number => gradeAttempt(microCase, [answer, ...rest]).score;
  expect(score({ questionId: 'q1', optionId: 'o1' })).toBe(1);
  expect(score({ questionId: 'q1', optionId: 'o1', variant: 'standard' })).toBe(1);
  expect(score({ questionId: 'q1', optionId: 'easy-o1', variant: 'easier' })).toBe(1);
  expect(score({ questionId: 'q1', optionId: 'hard-o1', variant: 'harder' })).toBe(1);
});

test('attack: a harder variant’s correct option claimed on the standard question is invalid', () => {
  expect(
    gradeAttempt(microCase, [{ questionId: 'q1', optionId: 'hard-o1' }, ...rest]).invalid,
  ).toEqual(['q1']);
  expect(
    gradeAttempt(microCase, [
      { questionId: 'q1', optionId: 'hard-o1', variant: 'standard' },
      ...rest,
    ]).invalid,
  ).toEqual(['q1']);
  // …and the standard option claimed on a variant.
  expect(
    gradeAttempt(microCase, [{ questionId: 'q1', optionId: 'o1', variant: 'harder' }, ...rest])
      .invalid,
  ).toEqual(['q1']);
});

test('an answer for a variant the question does not have is invalid, even with a real option id', () => {
  expect(
    gradeAttempt(microCase, [
      { questionId: 'q1', optionId: 'o1' },
      { questionId: 'q2', optionId: 'o1', variant: 'harder' },
      { questionId: 'q3', optionId: 'o1' },
    ]).invalid,
  ).toEqual(['q2']);
});

test('only the first answer to a question counts, with its variant', () => {
  expect(
    gradeAttempt(microCase, [
      { questionId: 'q1', optionId: 'easy-o2', variant: 'easier' },
      { questionId: 'q1', optionId: 'hard-o1', variant: 'harder' },
      ...rest,
    ]),
  ).toMatchObject({ correct: 2, invalid: [] });
});
