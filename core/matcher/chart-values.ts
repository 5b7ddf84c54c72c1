import type { CodeableConcept, Observation, Quantity } from 'fhir/r4';
import type { Comparator, Duration } from '../micro-case/trigger-schema';
import { convertUnit } from './ucum-units';

const HOUR_MS = 3_600_000;

export function durationMs(duration: Duration): number {
  return ((duration.days ?? 0) * 24 + (duration.hours ?? 0)) * HOUR_MS;
}

/** Whether an ISO date-time lies in the window ending now (a few minutes of clock skew allowed). */
export function withinWindow(date: string | undefined, window: Duration, now: Date): boolean {
  const time = date === undefined ? NaN : Date.parse(date);
  if (Number.isNaN(time)) return false;
  return time >= now.getTime() - durationMs(window) && time <= now.getTime() + 5 * 60_000;
}

export function observationDate(observation: Observation): string | undefined {
  return (
    observation.effectiveDateTime ??
    observation.effectivePeriod?.start ??
    observation.effectiveInstant ??
    observation.issued
  );
}

/** The concept's words as the chart shows them. */
export function conceptLabel(concept: CodeableConcept | undefined): string {
  return (
    concept?.text ??
    concept?.coding?.find((c) => c.display)?.display ??
    concept?.coding?.[0]?.code ??
    '?'
  );
}

/** The UCUM code of a quantity (its `code` when the system is UCUM, else its printed unit). */
export function quantityUnit(quantity: Quantity): string | undefined {
  return quantity.system === 'http://unitsofmeasure.org' && quantity.code
    ? quantity.code
    : (quantity.unit ?? quantity.code);
}

export interface ChartValue {
  value: number;
  /** The value as recorded, when it had to be converted. */
  recorded?: { value: number; unit: string };
}

/**
 * The numeric value of an observation (or of its component with LOINC `component`) in `unit`;
 * undefined when there is no number, no unit, or no known conversion.
 */
export function valueIn(
  observation: Observation,
  unit: string,
  options: { component?: string; molarMass?: number } = {},
): ChartValue | undefined {
  const quantity =
    options.component === undefined
      ? observation.valueQuantity
      : observation.component?.find((c) =>
          c.code.coding?.some((coding) => coding.code === options.component),
        )?.valueQuantity;
  const raw = quantity?.value;
  const from = quantity && quantityUnit(quantity);
  if (raw === undefined || from === undefined || !Number.isFinite(raw)) return undefined;
  const value = convertUnit(raw, from, unit, options.molarMass);
  if (value === undefined) return undefined;
  return from.trim() === unit.trim() ? { value } : { value, recorded: { value: raw, unit: from } };
}

export function compare(value: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
    case '=':
      return Math.abs(value - threshold) < 1e-9;
  }
}

export const COMPARATOR_SIGN: Record<Comparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
};

/** A number as a clinician reads it: no float noise, at most three decimals. */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(value >= 100 ? 0 : 3)));
}

const UNIT_DISPLAY: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  umol: 'µmol',
  uL: 'µL',
  '10*3': '10³',
  '10*9': '10⁹',
  '{beats}': '',
  '{breaths}': '',
};

/** A UCUM code as people write it: mm[Hg] → mmHg, umol/L → µmol/L, 10*3/uL → 10³/µL. */
export function displayUnit(unit: string): string {
  return unit.replace(
    /mm\[Hg\]|umol|uL|10\*3|10\*9|\{beats\}|\{breaths\}/g,
    (part) => UNIT_DISPLAY[part] ?? part,
  );
}

export function formatChartValue(chart: ChartValue, unit: string): string {
  const shown = `${formatNumber(chart.value)} ${displayUnit(unit)}`;
  return chart.recorded
    ? `${shown} (${formatNumber(chart.recorded.value)} ${displayUnit(chart.recorded.unit)})`
    : shown;
}
