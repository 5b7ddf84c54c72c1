import { SUPPRESSED, type WindowRate } from '../wire/outcomes';
import { wilsonInterval } from './wilson';

/** Raw counts of one window, as computed (server/outcomes/stored-comparison.ts `StoredCounts`). */
export interface WindowCounts {
  periodStart: string;
  periodEnd: string;
  numerator: number;
  denominator: number;
}

/** The smallest count shown: 1–10 are hidden (issue 8: "n < 11 shown as '<11'"). */
export const SMALLEST_SHOWN = 11;

const small = (count: number): boolean => count > 0 && count < SMALLEST_SHOWN;

/**
 * One window as it may leave the server: counts of 1–10 become "<11" and the rate and interval
 * null, since either would give the hidden count back. 0 is shown (no one to identify).
 *
 * Complementary suppression: hiding a small numerator is not enough when the denominator and
 * the others still let it be worked out, and the reverse holds too — 495 of 500 shows 5 patients
 * who did not meet the measure. So when numerator, denominator or denominator − numerator is
 * 1–10, the numerator is hidden as well as the rate (once the denominator is hidden, a numerator
 * of 0 gives nothing away that 0 itself does not, so it is shown). The "<11" mark therefore means
 * "hidden so that a count under 11 cannot be read or derived", as the dashboards' legend says.
 */
export function suppressWindow(counts: WindowCounts): WindowRate {
  const { periodStart, periodEnd, numerator, denominator } = counts;
  const window = { periodStart, periodEnd };
  const hidden = { rate: null, ciLow: null, ciHigh: null };
  if (small(denominator)) {
    const shown = numerator === 0 ? 0 : SUPPRESSED;
    return { ...window, numerator: shown, denominator: SUPPRESSED, ...hidden };
  }
  if (small(numerator) || small(denominator - numerator))
    return { ...window, numerator: SUPPRESSED, denominator, ...hidden };
  const interval = wilsonInterval(numerator, denominator);
  if (interval === undefined) return { ...window, numerator, denominator, ...hidden };
  return {
    ...window,
    numerator,
    denominator,
    rate: numerator / denominator,
    ciLow: interval.low,
    ciHigh: interval.high,
  };
}
