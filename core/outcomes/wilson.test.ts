import { expect, test } from 'vitest';
import { wilsonInterval, Z_95 } from './wilson';

const rounded = (numerator: number, denominator: number): [number, number] | undefined => {
  const interval = wilsonInterval(numerator, denominator);
  return interval && [Number(interval.low.toFixed(4)), Number(interval.high.toFixed(4))];
};

// Reference values computed separately (Python, the closed form, z = 1.959964). 81/263 is the
// worked example of Newcombe's comparison of intervals (Stat Med 1998;17:857–72).
test.each([
  [0, 10, [0, 0.2775]],
  [5, 10, [0.2366, 0.7634]],
  [10, 10, [0.7225, 1]],
  [81, 263, [0.2553, 0.3662]],
  [20, 100, [0.1334, 0.2888]],
  [0, 11, [0, 0.2588]],
] as const)('the 95 %% Wilson interval of %i/%i is %j', (numerator, denominator, expected) => {
  expect(rounded(numerator, denominator)).toEqual(expected);
});

test('x/n and (n−x)/n are mirror images around one half', () => {
  const a = wilsonInterval(3, 17);
  const b = wilsonInterval(14, 17);
  expect(a?.low).toBeCloseTo(1 - (b?.high ?? 0), 12);
  expect(a?.high).toBeCloseTo(1 - (b?.low ?? 0), 12);
});

test('the interval holds the observed rate and narrows as the denominator grows', () => {
  const small = wilsonInterval(3, 10);
  const large = wilsonInterval(300, 1000);
  expect(small && small.low < 0.3 && small.high > 0.3).toBe(true);
  expect(large && small && large.high - large.low < small.high - small.low).toBe(true);
});

test('z is the two-sided 95 % normal quantile', () => {
  expect(Z_95).toBe(1.959964);
});

test('a denominator of 0 has no interval', () => {
  expect(wilsonInterval(0, 0)).toBeUndefined();
});

test('impossible counts are refused, not bounded', () => {
  expect(() => wilsonInterval(11, 10)).toThrow(/0–denominator, not 11\/10/);
  expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
  expect(() => wilsonInterval(1.5, 10)).toThrow(/whole numbers/);
});
