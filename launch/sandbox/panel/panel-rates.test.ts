import type {
  Condition,
  Encounter,
  FhirResource,
  MedicationAdministration,
  MedicationRequest,
  Observation,
  Patient,
} from 'fhir/r4';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { MeasureId } from '../../../core/measures/measure';
import type { ClinicianId } from '../personas/staff';
import { generatePanel } from './generate-panel';
import {
  PANEL_BEFORE_DAYS,
  PANEL_CARE_RATES,
  PANEL_LEARNING,
  PANEL_LEARNING_DAYS_AGO,
} from './panel-learning';

/*
 * An independent, deliberately plain count of each clinician's measure rates in the generated
 * data (not core/measures), to check that the data follows PANEL_CARE_RATES before and after
 * the learning date.
 */

const NOW = new Date('2026-11-26T15:30:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const LEARNING = NOW.getTime() - PANEL_LEARNING_DAYS_AGO * DAY;
const PERIODS = {
  before: { start: LEARNING - PANEL_BEFORE_DAYS * DAY, end: LEARNING },
  after: { start: LEARNING, end: NOW.getTime() + 1 },
};
type Period = (typeof PERIODS)[keyof typeof PERIODS];

function codes(valueSet: string): Set<string> {
  const file = `fhir-profiles/valuesets/${valueSet}.json`;
  const vs = JSON.parse(readFileSync(file, 'utf8')) as {
    expansion: { contains: { system: string; code: string }[] };
  };
  return new Set(vs.expansion.contains.map((c) => `${c.system}|${c.code}`));
}
const VS = {
  diabetes: codes('t2dm-diagnoses'),
  hba1c: codes('t2dm-hba1c'),
  htn: codes('htn-diagnoses'),
  hf: codes('hfref-diagnoses'),
  lvef: codes('hfref-lvef'),
  raas: codes('hfref-acei-arb-arni'),
  beta: codes('hfref-beta-blockers'),
  opioid: codes('opioids-analgesics'),
  benzo: codes('opioids-benzodiazepines'),
  sepsis: codes('sepsis-diagnoses'),
  lactate: codes('sepsis-lactate'),
  antibiotic: codes('sepsis-antibiotics'),
};
const has = (
  concept: { coding?: { system?: string; code?: string }[] } | undefined,
  set: Set<string>,
) => (concept?.coding ?? []).some((c) => set.has(`${c.system}|${c.code}`));
const time = (s: string | undefined): number => Date.parse(s ?? '');
const inPeriod = (t: number, p: Period): boolean => t >= p.start && t < p.end;

interface Chart {
  patient: Patient;
  encounters: Encounter[];
  conditions: Condition[];
  observations: Observation[];
  requests: MedicationRequest[];
  administrations: MedicationAdministration[];
}

function charts(resources: FhirResource[]): Chart[] {
  const byPatient = new Map<string, Chart>();
  for (const r of resources) {
    if (r.resourceType === 'Patient') {
      byPatient.set(`Patient/${r.id}`, {
        patient: r,
        encounters: [],
        conditions: [],
        observations: [],
        requests: [],
        administrations: [],
      });
    }
  }
  for (const r of resources) {
    const c = byPatient.get((r as { subject?: { reference?: string } }).subject?.reference ?? '');
    if (c === undefined) continue;
    if (r.resourceType === 'Encounter') c.encounters.push(r);
    if (r.resourceType === 'Condition') c.conditions.push(r);
    if (r.resourceType === 'Observation') c.observations.push(r);
    if (r.resourceType === 'MedicationRequest') c.requests.push(r);
    if (r.resourceType === 'MedicationAdministration') c.administrations.push(r);
  }
  return [...byPatient.values()];
}

const attributed = (e: Encounter, clinician: string, p: Period): boolean =>
  inPeriod(time(e.period?.start), p) &&
  (e.participant ?? []).some((x) => x.individual?.reference === `Practitioner/${clinician}`);
const ageAt = (patient: Patient, t: number): number =>
  Math.floor((t - time(patient.birthDate)) / (365.25 * DAY));
const acute = (e: Encounter): boolean => e.class.code === 'IMP' || e.class.code === 'EMER';
const ref = (e: Encounter): string => `Encounter/${e.id}`;

type Member = boolean;
type Count = (c: Chart, clinician: string, p: Period) => Member[];

function patientBased(
  eligible: (c: Chart, p: Period) => boolean,
  numerator: (c: Chart, p: Period) => boolean,
): Count {
  return (c, clinician, p) =>
    eligible(c, p) && c.encounters.some((e) => attributed(e, clinician, p))
      ? [numerator(c, p)]
      : [];
}

const latestIn = (obs: Observation[], set: Set<string>, p: Period): Observation[] =>
  obs
    .filter((o) => has(o.code, set) && inPeriod(time(o.effectiveDateTime), p))
    .sort((a, b) => time(a.effectiveDateTime) - time(b.effectiveDateTime));

function controlledBp(c: Chart, p: Period): boolean {
  const bps = latestIn(c.observations, codes('htn-blood-pressure'), p);
  const lastDay = bps.at(-1)?.effectiveDateTime?.slice(0, 10);
  const sameDay = bps.filter((o) => o.effectiveDateTime?.slice(0, 10) === lastDay);
  const lowest = (loinc: string): number =>
    Math.min(
      ...sameDay.flatMap((o) =>
        (o.component ?? [])
          .filter((x) => x.code.coding?.[0]?.code === loinc)
          .map((x) => x.valueQuantity?.value ?? Infinity),
      ),
    );
  return sameDay.length > 0 && lowest('8480-6') < 140 && lowest('8462-4') < 90;
}

function onDrug(c: Chart, set: Set<string>, p: Period): boolean {
  return c.requests.some((m) => {
    const authored = time(m.authoredOn);
    return (
      has(m.medicationCodeableConcept, set) &&
      (inPeriod(authored, p) || (m.status === 'active' && authored < p.end))
    );
  });
}

const hfEligible = (c: Chart, p: Period): boolean =>
  ageAt(c.patient, p.end) >= 18 &&
  c.conditions.some((x) => has(x.code, VS.hf)) &&
  c.observations.some(
    (o) =>
      has(o.code, VS.lvef) &&
      time(o.effectiveDateTime) < p.end &&
      (o.valueQuantity?.value ?? 100) <= 40,
  );

function sepsisBundleMet(c: Chart, e: Encounter, timeZero: number): boolean {
  const lactate = c.observations.some((o) => {
    const t = time(o.effectiveDateTime);
    return has(o.code, VS.lactate) && t >= timeZero - 6 * HOUR && t <= timeZero + 3 * HOUR;
  });
  const firstAntibiotic = Math.min(
    ...c.administrations
      .filter(
        (a) => a.context?.reference === ref(e) && has(a.medicationCodeableConcept, VS.antibiotic),
      )
      .map((a) => time(a.effectiveDateTime)),
  );
  const culture = c.observations.some(
    (o) => o.code.coding?.[0]?.code === '600-7' && time(o.effectiveDateTime) < firstAntibiotic,
  );
  return lactate && culture && firstAntibiotic <= timeZero + 3 * HOUR;
}

const COUNTS: Partial<Record<MeasureId, Count>> = {
  CMS122: patientBased(
    (c, p) =>
      ageAt(c.patient, p.end) >= 18 &&
      ageAt(c.patient, p.end) <= 75 &&
      c.conditions.some((x) => has(x.code, VS.diabetes)),
    (c, p) => {
      const last = latestIn(c.observations, VS.hba1c, p).at(-1);
      return last === undefined || (last.valueQuantity?.value ?? 0) > 9;
    },
  ),
  CMS165: patientBased(
    (c, p) =>
      ageAt(c.patient, p.end) >= 18 &&
      ageAt(c.patient, p.end) <= 85 &&
      c.conditions.some((x) => has(x.code, VS.htn)),
    controlledBp,
  ),
  CMS135: patientBased(hfEligible, (c, p) => onDrug(c, VS.raas, p)),
  CMS144: patientBased(hfEligible, (c, p) => onDrug(c, VS.beta, p)),
  CMS506: (c, clinician, p) =>
    c.encounters
      .filter((e) => acute(e) && attributed(e, clinician, p))
      .filter((e) =>
        c.requests.some(
          (m) => m.encounter?.reference === ref(e) && has(m.medicationCodeableConcept, VS.opioid),
        ),
      )
      .map((e) =>
        c.requests.some(
          (m) => m.encounter?.reference === ref(e) && has(m.medicationCodeableConcept, VS.benzo),
        ),
      ),
  'SEP-1': (c, clinician, p) =>
    c.encounters
      .filter((e) => acute(e) && attributed(e, clinician, p))
      .flatMap((e) => {
        const dx = c.conditions.find(
          (x) => x.encounter?.reference === ref(e) && has(x.code, VS.sepsis),
        );
        return dx === undefined ? [] : [sepsisBundleMet(c, e, time(dx.onsetDateTime))];
      }),
};

function rate(all: Chart[], clinician: ClinicianId, measureId: MeasureId, p: Period) {
  const count = COUNTS[measureId];
  if (count === undefined) throw new Error(`No count for ${measureId}`);
  const members = all.flatMap((c) => count(c, clinician, p));
  return { n: members.length, rate: members.filter(Boolean).length / members.length };
}

/** Three standard errors of a proportion: sampling noise, not a generator ignoring the table. */
const tolerance = (p: number, n: number): number => 3 * Math.sqrt((p * (1 - p)) / n);

const learningPairs = PANEL_LEARNING.flatMap((l) =>
  l.measureIds.map((m) => [l.clinicianId, m] as const),
);

test.each([1, 2, 3])(
  'with seed %i, each learning pair has 30+ members per period and follows the rate table',
  (seed) => {
    const all = charts(generatePanel({ now: NOW, seed, patientsPerClinician: 300 }).resources);
    for (const [clinician, measureId] of learningPairs) {
      const table = PANEL_CARE_RATES.find(
        (r) => r.clinicianId === clinician && r.measureId === measureId,
      );
      const before = rate(all, clinician, measureId, PERIODS.before);
      const after = rate(all, clinician, measureId, PERIODS.after);
      const label = `${clinician} ${measureId} before ${before.rate.toFixed(2)} (n ${before.n}) after ${after.rate.toFixed(2)} (n ${after.n})`;
      expect(before.n, label).toBeGreaterThanOrEqual(30);
      expect(after.n, label).toBeGreaterThanOrEqual(30);
      expect(Math.abs(before.rate - (table?.before ?? NaN)), label).toBeLessThan(
        tolerance(table?.before ?? NaN, before.n),
      );
      expect(Math.abs(after.rate - (table?.after ?? NaN)), label).toBeLessThan(
        tolerance(table?.after ?? NaN, after.n),
      );
      const change = (table?.after ?? 0) - (table?.before ?? 0);
      if (Math.abs(change) >= 0.15)
        expect(Math.sign(after.rate - before.rate), label).toBe(Math.sign(change));
    }
  },
);
