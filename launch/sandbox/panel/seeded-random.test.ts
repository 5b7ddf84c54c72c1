import { expect, test } from 'vitest';
import { SeededRandom } from './seeded-random';

const draws = (rng: SeededRandom, n: number): number[] =>
  Array.from({ length: n }, () => rng.next());

test('the same seed gives the same sequence, another seed or part another one', () => {
  expect(draws(new SeededRandom(1), 5)).toEqual(draws(new SeededRandom(1), 5));
  expect(draws(new SeededRandom(1), 5)).not.toEqual(draws(new SeededRandom(2), 5));
  expect(draws(SeededRandom.forPart(1, 1), 5)).not.toEqual(draws(SeededRandom.forPart(1, 2), 5));
  expect(draws(SeededRandom.forPart(1, 1), 5)).not.toEqual(draws(SeededRandom.forPart(2, 1), 5));
});

test('draws stay in their ranges and reach both ends', () => {
  const rng = new SeededRandom(9);
  const ints = Array.from({ length: 2000 }, () => rng.int(3, 7));
  expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6, 7]));
  for (let i = 0; i < 2000; i += 1) {
    const x = rng.next();
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThan(1);
    const d = rng.decimal(6, 9);
    expect(d).toBeGreaterThanOrEqual(6);
    expect(d).toBeLessThanOrEqual(9);
    expect(Math.round(d * 10)).toBeCloseTo(d * 10, 9);
  }
});

test('chance follows its probability and pick refuses an empty list', () => {
  const rng = new SeededRandom(5);
  const hits = Array.from({ length: 10_000 }, () => rng.chance(0.3)).filter(Boolean).length;
  expect(hits / 10_000).toBeGreaterThan(0.28);
  expect(hits / 10_000).toBeLessThan(0.32);
  expect(() => rng.pick([])).toThrow(/non-empty/);
});
