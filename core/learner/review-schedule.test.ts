import { expect, test } from 'vitest';
import { dueReviews, ratingFor, scheduleReview } from './review-schedule';

const NOW = new Date('2026-11-26T12:00:00Z');
const at = (days: number): Date => new Date(NOW.getTime() + days * 86_400_000);

test('an answer rates its point: wrong Again, unsure Hard, right Good, very sure Easy', () => {
  expect(ratingFor(false, 'very-sure')).toBe('again');
  expect(ratingFor(false)).toBe('again');
  expect(ratingFor(true, 'unsure')).toBe('hard');
  expect(ratingFor(true, 'sure')).toBe('good');
  expect(ratingFor(true)).toBe('good');
  expect(ratingFor(true, 'very-sure')).toBe('easy');
});

test('a wrong answer schedules the point sooner than a right one', () => {
  const wrong = scheduleReview(undefined, { correct: false }, NOW);
  const right = scheduleReview(undefined, { correct: true }, NOW);
  expect(Date.parse(wrong.card.due)).toBeLessThan(Date.parse(right.card.due));
  // Days, not minutes: a missed point comes back tomorrow, not in the same sitting.
  expect(wrong.card.due).toBe(at(1).toISOString());
});

test('confidence orders the intervals of right answers: unsure before sure before very sure', () => {
  const due = (confidence: 'unsure' | 'sure' | 'very-sure'): number =>
    Date.parse(scheduleReview(undefined, { correct: true, confidence }, NOW).card.due);
  expect(due('unsure')).toBeLessThan(due('sure'));
  expect(due('sure')).toBeLessThan(due('very-sure'));
});

test('a miss after a right answer brings the point back sooner and counts a lapse', () => {
  const first = scheduleReview(undefined, { correct: true }, NOW).card;
  const reviewAt = new Date(first.due);
  const missed = scheduleReview(first, { correct: false }, reviewAt).card;
  const kept = scheduleReview(first, { correct: true }, reviewAt).card;
  expect(Date.parse(missed.due)).toBeLessThan(Date.parse(kept.due));
  expect(missed.lapses).toBe(1);
  expect(kept.reps).toBe(2);
});

test('a due point resurfaces at its due time and not before', () => {
  const points = [
    { teachingPoint: 'missed', card: scheduleReview(undefined, { correct: false }, NOW).card },
    { teachingPoint: 'known', card: scheduleReview(undefined, { correct: true }, NOW).card },
  ];
  const dueAt = new Date(points[0]!.card.due);
  expect(dueReviews(points, new Date(dueAt.getTime() - 1))).toEqual([]);
  expect(dueReviews(points, dueAt).map((p) => p.teachingPoint)).toEqual(['missed']);
  expect(dueReviews(points, at(30)).map((p) => p.teachingPoint)).toEqual(['missed', 'known']);
});

test('an answer timed before the last review counts as given at that review', () => {
  const first = scheduleReview(undefined, { correct: true }, NOW).card;
  const late = scheduleReview(first, { correct: true }, at(-2)).card;
  expect(late.lastReview).toBe(NOW.toISOString());
  expect(late.reps).toBe(2);
});
