/** How long before `now` something happened. Fields add up. */
export interface Ago {
  years?: number;
  days?: number;
  hours?: number;
  minutes?: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The instant `ago` before `now`, whole seconds, as an R4 dateTime in UTC. */
export function at(now: Date, ago: Ago): string {
  return new Date(agoMs(now, ago)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Milliseconds since the epoch of the instant `ago` before `now` (truncated to the second). */
function agoMs(now: Date, ago: Ago): number {
  const d = new Date(
    now.getTime() -
      (ago.days ?? 0) * DAY_MS -
      (ago.hours ?? 0) * HOUR_MS -
      (ago.minutes ?? 0) * MINUTE_MS,
  );
  if (ago.years !== undefined) d.setUTCFullYear(d.getUTCFullYear() - ago.years);
  // Truncating never moves a time past `now`.
  return Math.floor(d.getTime() / 1000) * 1000;
}

/**
 * An R4 date of birth that makes the person exactly `age` today, with the last birthday
 * `daysSinceBirthday` days ago (0–364), so the age shown stays the same whenever the sandbox runs.
 */
export function birthDateForAge(now: Date, age: number, daysSinceBirthday: number): string {
  const d = new Date(now.getTime() - daysSinceBirthday * DAY_MS);
  d.setUTCFullYear(d.getUTCFullYear() - age);
  return d.toISOString().slice(0, 10);
}
