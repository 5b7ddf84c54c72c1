import type { CodeableConcept, Observation } from 'fhir/r4';
import { VITAL } from './codes';
import { ChartCore } from './chart';
import { hl7, interpretation, quantity, type Interpretation } from './fhir-values';
import type { Ago } from './time';

export { at, birthDateForAge, type Ago } from './time';
export type { Persona } from './persona';

export interface ObsOptions {
  at: Ago;
  status?: Observation['status'];
  category?: 'laboratory' | 'vital-signs' | 'imaging' | 'procedure' | 'survey';
  interpretation?: Interpretation;
  note?: string;
}

export interface Vitals {
  bp?: readonly [systolic: number, diastolic: number];
  hr?: number;
  rr?: number;
  temp?: number;
  spo2?: number;
  weight?: number;
  height?: number;
  bmi?: number;
  pain?: number;
}

const CATEGORY_DISPLAY = {
  laboratory: 'Laboratory',
  'vital-signs': 'Vital Signs',
  imaging: 'Imaging',
  procedure: 'Procedure',
  survey: 'Survey',
};

const SINGLE_VITALS: readonly [keyof Omit<Vitals, 'bp'>, CodeableConcept, string][] = [
  ['hr', VITAL.heartRate, '/min'],
  ['rr', VITAL.respRate, '/min'],
  ['temp', VITAL.temperature, 'Cel'],
  ['spo2', VITAL.spo2, '%'],
  ['weight', VITAL.weight, 'kg'],
  ['height', VITAL.height, 'cm'],
  ['bmi', VITAL.bmi, 'kg/m2'],
  ['pain', VITAL.pain, '{score}'],
];

/** A persona's chart: the core resources plus the observation shapes the personas need. */
export class Chart extends ChartCore {
  /** A numeric result with UCUM units; the flag follows the reference range unless given. */
  lab(
    code: CodeableConcept,
    value: number,
    unit: string,
    o: ObsOptions & { low?: number; high?: number },
  ): void {
    const { low, high } = o;
    const flag =
      o.interpretation ??
      (high !== undefined && value > high ? 'H' : low !== undefined && value < low ? 'L' : 'N');
    const range =
      low === undefined && high === undefined
        ? {}
        : {
            referenceRange: [
              {
                ...(low === undefined ? {} : { low: quantity(low, unit) }),
                ...(high === undefined ? {} : { high: quantity(high, unit) }),
              },
            ],
          };
    this.add(code, o, {
      valueQuantity: quantity(value, unit),
      interpretation: interpretation(flag),
      ...range,
    });
  }

  /** A coded or free-text result (culture, dipstick). */
  result(code: CodeableConcept, value: CodeableConcept | string, o: ObsOptions): void {
    this.add(code, o, {
      ...(typeof value === 'string' ? { valueString: value } : { valueCodeableConcept: value }),
      ...(o.interpretation === undefined
        ? {}
        : { interpretation: interpretation(o.interpretation) }),
    });
  }

  /** An observation without a value: a test still pending, or a value that could not be had. */
  noValue(code: CodeableConcept, o: ObsOptions & { absent?: 'error' | 'unknown' }): void {
    const absent =
      o.absent === undefined
        ? {}
        : {
            dataAbsentReason: hl7(
              'data-absent-reason',
              o.absent,
              o.absent === 'error' ? 'Error' : 'Unknown',
            ),
          };
    this.add(code, { status: 'registered', ...o }, absent);
  }

  /** Vital signs taken together: one Observation each, blood pressure as a panel (FHIR vitals). */
  vitals(when: Ago, v: Vitals, status: Observation['status'] = 'final'): void {
    const o: ObsOptions = { at: when, status, category: 'vital-signs' };
    if (v.bp !== undefined) {
      const [systolic, diastolic] = v.bp;
      this.add(VITAL.bpPanel, o, {
        component: [
          { code: VITAL.systolic, valueQuantity: quantity(systolic, 'mm[Hg]') },
          { code: VITAL.diastolic, valueQuantity: quantity(diastolic, 'mm[Hg]') },
        ],
      });
    }
    for (const [key, code, unit] of SINGLE_VITALS) {
      const value = v[key];
      if (value !== undefined) this.add(code, o, { valueQuantity: quantity(value, unit) });
    }
  }

  private add(code: CodeableConcept, o: ObsOptions, value: Partial<Observation>): void {
    const category = o.category ?? 'laboratory';
    const status = o.status ?? 'final';
    this.observation(code, o.at, {
      status,
      category: [hl7('observation-category', category, CATEGORY_DISPLAY[category])],
      // A result is issued once final; a registered order has no issue time yet.
      ...(status === 'registered' ? {} : { issued: this.time(o.at) }),
      ...value,
      ...(o.note === undefined ? {} : { note: [{ text: o.note }] }),
    });
  }
}
