import type { Observation } from 'fhir/r4';
import { dayOf, instant, isResult, observationTime, valueIn } from './measure-values';

/** A dated numeric result. */
export interface Result {
  value: number;
  /** Milliseconds since the epoch. */
  time: number;
  /** The chart's calendar day (YYYY-MM-DD). */
  day: string;
}

/**
 * Dated numeric results in the UCUM `unit` (any unit when undefined). Results without a value
 * or a date, not yet final-ish, or in another unit are left out.
 */
export function results(observations: readonly Observation[], unit?: string): Result[] {
  return observations.flatMap((o) => {
    const when = observationTime(o);
    const time = instant(when);
    const value = unit === undefined ? o.valueQuantity?.value : valueIn(o.valueQuantity, unit);
    if (!isResult(o) || when === undefined || time === undefined || typeof value !== 'number')
      return [];
    return [{ value, time, day: dayOf(when) }];
  });
}

/** The most recent result; on a tie in time the higher value, so the choice is stable. */
export function latest(list: readonly Result[]): Result | undefined {
  let best: Result | undefined;
  for (const r of list) {
    if (!best || r.time > best.time || (r.time === best.time && r.value > best.value)) best = r;
  }
  return best;
}
