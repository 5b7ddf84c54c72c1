import type { CodeableConcept } from 'fhir/r4';
import type { MeasureId } from '../../../core/measures/measure';
import type { EncounterSpec } from '../personas/chart-specs';
import type { ClinicianId } from '../personas/staff';
import { careRate } from './panel-learning';
import { daysToMinutes, minutesAgo, minutesToDays, type PanelChart } from './panel-chart';
import { LAB } from './panel-codes';
import type { SeededRandom } from './seeded-random';

/** One generated patient being written: their chart, their random source, their clinician. */
export interface PanelPatient {
  chart: PanelChart;
  rng: SeededRandom;
  clinician: ClinicianId;
  weightKg: number;
}

export interface Visit {
  id: string;
  /** Minutes before now that the encounter started. */
  start: number;
  end: number;
}

/** Oldest and newest day (before now) of generated visits: the year the panel covers. */
const FIRST_DAY = 350;
const LAST_DAY = 10;

/**
 * Days (before now, oldest first) of `count` visits spread over the year with some jitter, so a
 * patient with two or more visits has one in each of the demo's before and after periods.
 */
export function visitDays(rng: SeededRandom, count: number): number[] {
  const step = (FIRST_DAY - LAST_DAY) / count;
  return Array.from({ length: count }, (_, i) =>
    Math.round(FIRST_DAY - (i + 0.5) * step + rng.int(-12, 12)),
  );
}

/** The numerator chance for this patient's clinician at a time `minutes` before now. */
export function rateAt(p: PanelPatient, measureId: MeasureId, minutes: number): number {
  return careRate(p.clinician, measureId, minutesToDays(minutes));
}

/** A finished encounter `day` days ago lasting `durationMinutes`, attributed to the clinician. */
export function encounter(
  p: PanelPatient,
  day: number,
  durationMinutes: number,
  e: Omit<EncounterSpec, 'start' | 'end' | 'clinician'>,
  startOffsetMinutes = p.rng.int(0, 480),
): Visit {
  const start = daysToMinutes(day) + startOffsetMinutes;
  const end = start - durationMinutes;
  const id = p.chart.encounter({
    ...e,
    start: minutesAgo(start),
    end: minutesAgo(end),
    clinician: p.clinician,
  });
  return { id, start, end };
}

/**
 * Blood pressure readings taken together (mm Hg). A controlled visit sometimes starts high and
 * is controlled on the repeat, so the measure's lowest-of-the-day rule is exercised both ways.
 */
export function bpReadings(rng: SeededRandom, controlled: boolean): [number, number][] {
  // One kind of "high" per visit: mixing a high systolic with a high diastolic reading would make
  // the day's lowest of each controlled.
  const systolicHigh = rng.chance(0.7);
  const high = (): [number, number] =>
    systolicHigh ? [rng.int(140, 176), rng.int(74, 99)] : [rng.int(124, 139), rng.int(90, 99)];
  const ok = (): [number, number] => [rng.int(108, 139), rng.int(62, 89)];
  if (!rng.chance(0.25)) return [controlled ? ok() : high()];
  return controlled ? [high(), ok()] : [high(), high()];
}

/**
 * Vitals at `minutes` ago; a hypertensive patient's control follows the care-rate table. Heart
 * rate and weight only when `full` (first and acute visits), to keep the panel's size modest.
 */
export function vitals(
  p: PanelPatient,
  minutes: number,
  hypertensive: boolean,
  full = false,
): void {
  const { rng, chart } = p;
  const readings = hypertensive
    ? bpReadings(rng, rng.chance(rateAt(p, 'CMS165', minutes)))
    : [[rng.int(104, 134), rng.int(60, 84)] as [number, number]];
  readings.forEach((bp, i) => {
    const at = minutesAgo(minutes - i * 10);
    chart.vitals(at, i === 0 && full ? { bp, hr: rng.int(58, 96), weight: p.weightKg } : { bp });
  });
}

/** An HbA1c result; poor control (> 9 %) follows the care-rate table (CMS122). */
export function hba1c(p: PanelPatient, minutes: number): void {
  const poor = p.rng.chance(rateAt(p, 'CMS122', minutes));
  const value = poor ? p.rng.decimal(9.1, 12.6) : p.rng.decimal(6.0, 9.0);
  p.chart.lab(LAB.hba1c, value, '%', { at: minutesAgo(minutes), low: 4, high: 5.6 });
}

/** A basic metabolic check: creatinine and eGFR. */
export function kidneyLabs(p: PanelPatient, minutes: number): void {
  const at = minutesAgo(minutes);
  p.chart.lab(LAB.creatinine, p.rng.decimal(0.6, 1.6), 'mg/dL', { at, low: 0.5, high: 1.2 });
  p.chart.lab(LAB.egfrCkdEpi, p.rng.int(38, 104), 'mL/min/{1.73_m2}', { at, low: 60 });
}

/** A long-term problem-list condition that began `years` ago. */
export function problem(p: PanelPatient, code: CodeableConcept, years: number): void {
  p.chart.condition(code, { onset: { years, days: p.rng.int(0, 300) } });
}
