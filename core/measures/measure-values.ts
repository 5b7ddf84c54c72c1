import type { Coding, Observation, Patient, Quantity } from 'fhir/r4';
import type { MeasurePeriod } from './measure';

const HOUR_MS = 3_600_000;

/** Milliseconds since the epoch of a FHIR date or dateTime, or undefined when absent or invalid. */
export function instant(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Within the half-open period [start, end). */
export function inPeriod(ms: number, period: MeasurePeriod): boolean {
  return ms >= period.start.getTime() && ms < period.end.getTime();
}

export const hours = (n: number): number => n * HOUR_MS;

/** The calendar day as the chart wrote it (the date part of the dateTime, in its own zone). */
export const dayOf = (value: string): string => value.slice(0, 10);

/** Completed years on the UTC date of `at`; undefined without a valid birth date. */
export function ageOn(patient: Patient, at: Date): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(patient.birthDate ?? '');
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const beforeBirthday =
    at.getUTCMonth() + 1 < month || (at.getUTCMonth() + 1 === month && at.getUTCDate() < day);
  return at.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
}

/**
 * The last instant of the period: ages "at the period end" are taken on the period's last day
 * (Dec 31 for a calendar year, as the specifications' "by the end of the measurement period"),
 * not on the exclusive end.
 */
export const periodLastInstant = (period: MeasurePeriod): Date =>
  new Date(period.end.getTime() - 1);

/** The age is known and within [min, max] (inclusive, as the specifications state ages). */
export function ageWithin(patient: Patient, at: Date, min: number, max = Infinity): boolean {
  const age = ageOn(patient, at);
  return age !== undefined && age >= min && age <= max;
}

/** When an Observation was taken (effective[x]); undefined when it has no date. */
export function observationTime(o: Observation): string | undefined {
  return o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.start;
}

/** Statuses of a result that may be counted (not registered, cancelled or entered-in-error). */
const RESULT_STATUSES = new Set<Observation['status']>([
  'final',
  'amended',
  'corrected',
  'preliminary',
]);
export const isResult = (o: Observation): boolean => RESULT_STATUSES.has(o.status);

/** The numeric value when the quantity is in the UCUM `unit`; other units are not compared. */
export function valueIn(quantity: Quantity | undefined, unit: string): number | undefined {
  if (typeof quantity?.value !== 'number') return undefined;
  return (quantity.code ?? quantity.unit) === unit ? quantity.value : undefined;
}

/** A drug or test's name for a reason: the concept text, else the first display, else the code. */
export function conceptName(concept: { text?: string; coding?: Coding[] } | undefined): string {
  const coding = concept?.coding?.[0];
  return concept?.text ?? coding?.display ?? coding?.code ?? 'unnamed';
}
