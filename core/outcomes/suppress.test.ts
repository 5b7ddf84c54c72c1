import { expect, test } from 'vitest';
import { SUPPRESSED, windowRateSchema } from '../wire/outcomes';
import { suppressWindow } from './suppress';

const period = { periodStart: '2026-01-01T00:00:00.000Z', periodEnd: '2026-07-01T00:00:00.000Z' };
const shown = (numerator: number, denominator: number) => {
  const window = suppressWindow({ ...period, numerator, denominator });
  expect(windowRateSchema.parse(window)).toEqual(window);
  return window;
};

test.each([1, 5, 10])('a numerator of %i is hidden with its rate and interval', (numerator) => {
  expect(shown(numerator, 200)).toEqual({
    ...period,
    numerator: SUPPRESSED,
    denominator: 200,
    rate: null,
    ciLow: null,
    ciHigh: null,
  });
});

test.each([1, 7, 10])('a denominator of %i is hidden, and every numerator but 0', (denominator) => {
  expect(shown(0, denominator)).toMatchObject({
    numerator: 0,
    denominator: SUPPRESSED,
    rate: null,
    ciLow: null,
  });
  expect(shown(1, denominator)).toMatchObject({ numerator: SUPPRESSED, denominator: SUPPRESSED });
  expect(shown(denominator, denominator)).toMatchObject({
    numerator: SUPPRESSED,
    denominator: SUPPRESSED,
    rate: null,
  });
});

test('a small complement hides the numerator: 495 of 500 would show 5 who did not meet it', () => {
  for (const numerator of [490, 495, 499]) {
    const window = shown(numerator, 500);
    expect(window).toMatchObject({ numerator: SUPPRESSED, denominator: 500, rate: null });
    expect(JSON.stringify(window)).not.toContain(String(numerator));
  }
});

test('0 and 11 are shown, with the rate and its Wilson interval', () => {
  const none = shown(0, 40);
  expect(none).toMatchObject({ numerator: 0, denominator: 40, rate: 0, ciLow: 0 });
  expect(none.ciHigh).toBeCloseTo(0.0876, 4);
  const all = shown(40, 40);
  expect(all).toMatchObject({ numerator: 40, denominator: 40, rate: 1, ciHigh: 1 });
  const eleven = shown(11, 30);
  expect(eleven).toMatchObject({ numerator: 11, denominator: 30 });
  expect(eleven.rate).toBeCloseTo(11 / 30, 10);
  expect(shown(11, 22)).toMatchObject({ numerator: 11, denominator: 22, rate: 0.5 });
});

test('81 of 263 carries the published interval', () => {
  const window = shown(81, 263);
  expect(window.ciLow?.toFixed(4)).toBe('0.2553');
  expect(window.ciHigh?.toFixed(4)).toBe('0.3662');
});

test('an empty window shows 0 of 0 with no rate', () => {
  expect(shown(0, 0)).toEqual({
    ...period,
    numerator: 0,
    denominator: 0,
    rate: null,
    ciLow: null,
    ciHigh: null,
  });
});
