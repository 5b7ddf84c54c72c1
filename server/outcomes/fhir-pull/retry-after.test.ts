import { expect, test } from 'vitest';
import { retryDelayMs } from './retry-after';

const limits = { minMs: 1_000, maxMs: 60_000 };
const now = Date.parse('2026-11-26T10:00:00Z');

test.each([
  ['delay-seconds', '5', 5_000],
  ['delay-seconds with spaces', ' 12 ', 12_000],
  ['an HTTP-date', 'Thu, 26 Nov 2026 10:00:30 GMT', 30_000],
  ['zero, raised to the minimum', '0', 1_000],
  ['an HTTP-date in the past, raised to the minimum', 'Thu, 26 Nov 2026 09:00:00 GMT', 1_000],
  ['an hour, lowered to the maximum', '3600', 60_000],
  ['a date far ahead, lowered to the maximum', 'Fri, 27 Nov 2026 10:00:00 GMT', 60_000],
  ['a negative number (unreadable)', '-5', 1_000],
  ['a fraction (unreadable)', '1.5', 1_000],
  ['garbage', 'soon', 1_000],
  ['an empty header', '', 1_000],
])('Retry-After as %s waits the right time', (_name, header, expected) => {
  expect(retryDelayMs(header, limits, now)).toBe(expected);
});

test('no Retry-After waits the minimum', () => {
  expect(retryDelayMs(null, limits, now)).toBe(1_000);
});
