import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Condition, MedicationRequest, Observation, Patient, Resource } from 'fhir/r4';
import type { PatientContext } from '../core/patient-context';

type Chart = Omit<PatientContext, 'launch' | 'unavailable'>;
const SYNTHEA = new URL('../../shared/data/synthea/', import.meta.url);
const HOUR = 3_600_000;

/**
 * One patient with ≥ 5,000 resources: every Synthea chart in ../shared/data merged onto one
 * person with dates shifted so the newest result is an hour old; without that data, a
 * deterministic synthetic chart of the same size.
 */
export function buildLargePatient(now: Date): { chart: Chart; source: string } {
  const dir = SYNTHEA.pathname;
  if (existsSync(dir))
    return {
      chart: fromSynthea(dir, now),
      source: 'Synthea charts in ../shared/data merged onto one patient',
    };
  return { chart: synthetic(now), source: 'synthetic chart (../shared/data absent)' };
}

function fromSynthea(dir: string, now: Date): Chart {
  const resources: Resource[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const bundle = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Bundle;
    for (const entry of bundle.entry ?? []) if (entry.resource) resources.push(entry.resource);
  }
  const patient: Patient = {
    resourceType: 'Patient',
    id: 'bench',
    gender: 'female',
    birthDate: '1950-01-01',
  };
  const observations = resources.filter((r): r is Observation => r.resourceType === 'Observation');
  const newest = Math.max(...observations.map((o) => Date.parse(o.effectiveDateTime ?? '') || 0));
  const shift = now.getTime() - HOUR - newest;
  const moved = (date: string | undefined): string | undefined =>
    date === undefined ? undefined : new Date(Date.parse(date) + shift).toISOString();
  const subject = { reference: 'Patient/bench' };
  return {
    patient,
    conditions: resources
      .filter((r): r is Condition => r.resourceType === 'Condition')
      .map((c) => ({
        ...c,
        subject,
        onsetDateTime: moved(c.onsetDateTime),
        recordedDate: moved(c.recordedDate),
      })),
    observations: observations.map((o) => ({
      ...o,
      subject,
      effectiveDateTime: moved(o.effectiveDateTime),
    })),
    medications: resources
      .filter((r): r is MedicationRequest => r.resourceType === 'MedicationRequest')
      .map((m) => ({ ...m, subject, authoredOn: moved(m.authoredOn) })),
  };
}

function synthetic(now: Date): Chart {
  let seed = 42;
  const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const codes = [
    '2524-7',
    '2160-0',
    '4548-4',
    '8480-6',
    '718-7',
    '2345-7',
    '6690-2',
    '777-3',
    '2951-2',
    '2823-3',
  ];
  const subject = { reference: 'Patient/bench' };
  const observations: Observation[] = Array.from({ length: 5200 }, (_, i) => ({
    resourceType: 'Observation',
    id: `o${i}`,
    status: 'final',
    subject,
    code: { coding: [{ system: 'http://loinc.org', code: codes[i % codes.length] ?? '2524-7' }] },
    effectiveDateTime: new Date(now.getTime() - random() * 730 * 24 * HOUR).toISOString(),
    valueQuantity: {
      value: Math.round(random() * 200) / 10,
      unit: 'mg/dL',
      system: 'http://unitsofmeasure.org',
      code: 'mg/dL',
    },
  }));
  return {
    patient: { resourceType: 'Patient', id: 'bench', gender: 'male', birthDate: '1960-05-05' },
    conditions: [],
    observations,
    medications: [],
  };
}
