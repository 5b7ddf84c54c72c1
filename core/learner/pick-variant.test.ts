import { expect, test } from 'vitest';
import { caseWithVariants } from '../micro-case/test-support/variant-case';
import {
  EASIER_BELOW_RETRIEVABILITY,
  HARDER_FROM_STABILITY_DAYS,
  variantForMastery,
  variantToShow,
  type PointMemory,
} from './pick-variant';
import type { Confidence } from './review-card';
import { retrievability, scheduleReview } from './review-schedule';

const NOW = new Date('2026-11-26T12:00:00Z');
const DAY = 86_400_000;
const at = (days: number): Date => new Date(NOW.getTime() + days * DAY);

/** The point after these answers, each given on the day shown (days from NOW). */
function afterAnswers(
  answers: { day: number; correct: boolean; confidence?: Confidence }[],
): PointMemory {
  let card;
  let lastCorrect = false;
  for (const a of answers) {
    card = scheduleReview(card, a, at(a.day)).card;
    lastCorrect = a.correct;
  }
  if (!card) throw new Error('no answers');
  return { card, lastCorrect };
}

test('a point never answered is asked at the standard difficulty', () => {
  expect(variantForMastery(undefined, NOW)).toBe('standard');
});

test('a point last answered wrong is asked in its easier version', () => {
  const missed = afterAnswers([{ day: 0, correct: false }]);
  expect(variantForMastery(missed, at(1))).toBe('easier');
  // Even after earlier successes: a lapse is what counts now.
  const lapsed = afterAnswers([
    { day: 0, correct: true, confidence: 'very-sure' },
    { day: 10, correct: true, confidence: 'very-sure' },
    { day: 40, correct: false },
  ]);
  expect(variantForMastery(lapsed, at(41))).toBe('easier');
});

test('one right answer is not mastery: standard', () => {
  const once = afterAnswers([{ day: 0, correct: true }]);
  expect(variantForMastery(once, at(1))).toBe('standard');
  const confident = afterAnswers([{ day: 0, correct: true, confidence: 'very-sure' }]);
  expect(confident.card.stability).toBeGreaterThanOrEqual(HARDER_FROM_STABILITY_DAYS);
  expect(variantForMastery(confident, at(1))).toBe('standard');
});

test('a well-retained point (stable for a week, answered right more than once) gets the harder one', () => {
  const known = afterAnswers([
    { day: 0, correct: true, confidence: 'very-sure' },
    { day: 0, correct: true, confidence: 'very-sure' },
  ]);
  expect(known.card.stability).toBeGreaterThanOrEqual(HARDER_FROM_STABILITY_DAYS);
  expect(variantForMastery(known, at(1))).toBe('harder');
  const steady = afterAnswers([
    { day: 0, correct: true },
    { day: 3, correct: true },
    { day: 12, correct: true },
  ]);
  expect(variantForMastery(steady, at(13))).toBe('harder');
});

test('two right answers with a short memory stay standard', () => {
  const shaky = afterAnswers([
    { day: 0, correct: true, confidence: 'unsure' },
    { day: 0, correct: true, confidence: 'unsure' },
  ]);
  expect(shaky.card.stability).toBeLessThan(HARDER_FROM_STABILITY_DAYS);
  expect(variantForMastery(shaky, at(1))).toBe('standard');
});

test('a point long past due has faded: easier, though the last answer was right', () => {
  const known = afterAnswers([
    { day: 0, correct: true, confidence: 'very-sure' },
    { day: 0, correct: true, confidence: 'very-sure' },
  ]);
  const later = at(200);
  expect(retrievability(known.card, later)).toBeLessThan(EASIER_BELOW_RETRIEVABILITY);
  expect(variantForMastery(known, later)).toBe('easier');
});

test('the player shows the wanted variant only when the question has it', () => {
  const c = caseWithVariants();
  expect(variantToShow(c.questions[0]!, 'harder')).toBe('harder');
  expect(variantToShow(c.questions[0]!, 'easier')).toBe('easier');
  expect(variantToShow(c.questions[1]!, 'harder')).toBe('standard');
});
