import type {
  Bundle,
  CodeableConcept,
  Condition,
  MedicationRequest,
  Observation,
  FhirResource,
} from 'fhir/r4';
import type { TopicId } from '../../../core/topics';
import { CODES, L, R } from './trigger-codes';

/*
 * What each topic's triggers (shared/CONTENT.md) look like in a chart, written independently of
 * the persona builders so the tests check the charts against the brief, not against themselves.
 */

export interface ChartView {
  resources: FhirResource[];
  now: Date;
  encounterId: string;
}

export function viewOf(bundle: Bundle<FhirResource>, now: Date, encounterId: string): ChartView {
  return {
    resources: (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])),
    now,
    encounterId,
  };
}

const HOUR = 3_600_000;

export function hasCode(concept: CodeableConcept | undefined, codes: readonly string[]): boolean {
  return (concept?.coding ?? []).some((c) => codes.includes(`${c.system ?? ''}|${c.code ?? ''}`));
}

export function activeConditions(v: ChartView, codes: readonly string[]): Condition[] {
  return v.resources.filter(
    (r): r is Condition =>
      r.resourceType === 'Condition' &&
      hasCode(r.code, codes) &&
      (r.clinicalStatus?.coding ?? []).some((c) => c.code === 'active'),
  );
}

/** Results that count (not entered-in-error, cancelled or pending), newest first. */
export function results(v: ChartView, codes: readonly string[]): Observation[] {
  return v.resources
    .filter(
      (r): r is Observation =>
        r.resourceType === 'Observation' &&
        ['final', 'amended', 'corrected', 'preliminary'].includes(r.status) &&
        hasCode(r.code, codes),
    )
    .sort((a, b) => takenAt(b) - takenAt(a));
}

export function activeMeds(v: ChartView, codes: readonly string[]): MedicationRequest[] {
  return v.resources.filter(
    (r): r is MedicationRequest =>
      r.resourceType === 'MedicationRequest' &&
      r.status === 'active' &&
      hasCode(r.medicationCodeableConcept, codes),
  );
}

export function takenAt(o: Observation): number {
  return Date.parse(o.effectiveDateTime ?? '');
}

/** Creatinine in mg/dL whatever unit it was reported in (1 mg/dL = 88.4 µmol/L). */
export function creatinineSeries(v: ChartView): { at: number; mgdl: number }[] {
  return results(v, [...CODES.creatinineMass, ...CODES.creatinineMoles]).flatMap((o) => {
    const q = o.valueQuantity;
    if (q?.value === undefined) return [];
    const mgdl = q.code === 'umol/L' ? q.value / 88.4 : q.code === 'mg/dL' ? q.value : NaN;
    return Number.isNaN(mgdl) ? [] : [{ at: takenAt(o), mgdl }];
  });
}

/** KDIGO: a rise of ≥ 0.3 mg/dL within 48 h, ending in the last 24 h. */
export function creatinineRise(v: ChartView): boolean {
  const series = creatinineSeries(v);
  return series.some(
    (late) =>
      v.now.getTime() - late.at <= 24 * HOUR &&
      series.some(
        (early) =>
          early.at < late.at &&
          late.at - early.at <= 48 * HOUR &&
          late.mgdl - early.mgdl >= 0.3 - 1e-9,
      ),
  );
}

export function bloodPressures(v: ChartView): { systolic: number; diastolic: number }[] {
  return results(v, L('85354-9')).map((o) => {
    const part = (code: string) =>
      o.component?.find((c) => hasCode(c.code, L(code)))?.valueQuantity?.value ?? NaN;
    return { systolic: part('8480-6'), diastolic: part('8462-4') };
  });
}

const latestValue = (v: ChartView, codes: readonly string[]): number | undefined =>
  results(v, codes)[0]?.valueQuantity?.value;

const within = (v: ChartView, o: Observation | undefined, hours: number): boolean =>
  o !== undefined && v.now.getTime() - takenAt(o) <= hours * HOUR;

export interface TriggerCheck {
  description: string;
  holds: (v: ChartView) => boolean;
}

const dx = (codes: readonly string[]): TriggerCheck => ({
  description: 'has an active diagnosis from the topic value set',
  holds: (v) => activeConditions(v, codes).length > 0,
});

/** Per topic, what must be true of a chart written to trigger it. */
export const TOPIC_TRIGGERS: Record<TopicId, TriggerCheck[]> = {
  sepsis: [
    dx(CODES.sepsisDx),
    {
      description: 'has lactate ≥ 2 mmol/L in the last 24 h, taken in the open encounter',
      holds: (v) =>
        results(v, CODES.lactate).some(
          (o) =>
            within(v, o, 24) &&
            (o.valueQuantity?.value ?? 0) >= 2 &&
            o.encounter?.reference === `Encounter/${v.encounterId}`,
        ),
    },
  ],
  cap: [dx(CODES.capDx)],
  t2dm: [
    dx(CODES.t2dmDx),
    {
      description: 'latest HbA1c is > 9 % and from the last 6 months',
      holds: (v) =>
        (latestValue(v, CODES.hba1c) ?? 0) > 9 && within(v, results(v, CODES.hba1c)[0], 183 * 24),
    },
    { description: 'metformin is active', holds: (v) => activeMeds(v, R('861007')).length > 0 },
  ],
  htn: [
    dx(CODES.htnDx),
    {
      description: 'latest valid blood pressure is ≥ 140/90',
      holds: (v) => {
        const bp = bloodPressures(v)[0];
        return bp !== undefined && (bp.systolic >= 140 || bp.diastolic >= 90);
      },
    },
  ],
  afib: [
    dx(CODES.afibDx),
    {
      description: 'no active anticoagulant',
      holds: (v) => activeMeds(v, CODES.anticoagulants).length === 0,
    },
  ],
  hfref: [
    dx(CODES.hfrefDx),
    {
      description: 'latest LVEF is ≤ 40 %',
      holds: (v) => (latestValue(v, CODES.lvef) ?? 100) <= 40,
    },
    {
      description: 'no active ACEi, ARB or ARNI',
      holds: (v) => activeMeds(v, CODES.aceiArbArni).length === 0,
    },
  ],
  aki: [
    dx(CODES.akiDx),
    { description: 'creatinine rose ≥ 0.3 mg/dL within 48 h', holds: creatinineRise },
  ],
  opioids: [
    {
      description: 'has an opioid order authored in the last 7 days',
      holds: (v) =>
        activeMeds(v, CODES.opioids).some(
          (m) => v.now.getTime() - Date.parse(m.authoredOn ?? '') <= 7 * 24 * HOUR,
        ),
    },
    {
      description: 'has an active benzodiazepine',
      holds: (v) => activeMeds(v, CODES.benzodiazepines).length > 0,
    },
  ],
  asthma: [
    dx(CODES.asthmaDx),
    {
      description: 'takes a SABA and no inhaled corticosteroid',
      holds: (v) =>
        activeMeds(v, CODES.saba).length > 0 && activeMeds(v, CODES.inhaledSteroids).length === 0,
    },
  ],
  copd: [dx(CODES.copdDx)],
  asb: [
    {
      description: 'has a urine culture result',
      holds: (v) => results(v, CODES.urineCulture).some((o) => o.valueString !== undefined),
    },
    {
      description: 'has an active antibiotic order',
      holds: (v) => activeMeds(v, CODES.antibiotics).length > 0,
    },
  ],
  vte: [dx(CODES.vteDx)],
};
