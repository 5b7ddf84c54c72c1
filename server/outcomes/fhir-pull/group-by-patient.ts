import type {
  Condition,
  Encounter,
  MedicationAdministration,
  MedicationRequest,
  Observation,
  Patient,
} from 'fhir/r4';
import type { PatientRecord } from '../../../core/measures/measure';
import type { FhirResource } from './ndjson';

/** The resource types of a PatientRecord, in the order they are requested. */
export const POPULATION_TYPES = [
  'Patient',
  'Encounter',
  'Condition',
  'Observation',
  'MedicationRequest',
  'MedicationAdministration',
] as const;

export interface PopulationCounts {
  patients: number;
  encounters: number;
  conditions: number;
  observations: number;
  medicationRequests: number;
  medicationAdministrations: number;
  /** Resources dropped because they reference no patient. */
  withoutPatient: number;
  /** Resources dropped because their patient was not among those read. */
  unknownPatient: number;
  /** Patients left out because none of their encounters reaches `since`. */
  outsideWindow: number;
}

interface Building {
  patient?: Patient;
  encounters: Encounter[];
  conditions: Condition[];
  observations: Observation[];
  medicationRequests: MedicationRequest[];
  medicationAdministrations: MedicationAdministration[];
}

/** The patient a resource belongs to: `Patient/{id}`, or an absolute URL ending so. */
export function patientIdOf(resource: FhirResource): string | undefined {
  if (resource.resourceType === 'Patient') return resource.id;
  const subject = (resource.subject ?? resource.patient) as { reference?: unknown } | undefined;
  const reference = subject?.reference;
  if (typeof reference !== 'string') return undefined;
  return /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(reference)?.[1];
}

/**
 * FHIR R4 §3.1.1.4.2 `date=ge{since}` on Encounter.period: the period reaches `since` (an open
 * end runs on), which is what the paged search asks the EHR, so both sources agree.
 */
function reaches(encounter: Encounter, since: Date): boolean {
  const { start, end } = encounter.period ?? {};
  if (end !== undefined) return Date.parse(end) >= since.getTime();
  return start !== undefined;
}

/**
 * Groups resources into one PatientRecord per patient who has an encounter reaching `since`;
 * the same resource read twice (search pages shift) counts once.
 */
export class PopulationGrouper {
  private readonly byPatient = new Map<string, Building>();
  private readonly seen = new Set<string>();
  private withoutPatient = 0;

  add(resource: FhirResource): void {
    const key = `${resource.resourceType}/${resource.id}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const patientId = patientIdOf(resource);
    if (patientId === undefined) {
      this.withoutPatient += 1;
      return;
    }
    let record = this.byPatient.get(patientId);
    if (record === undefined) {
      record = {
        encounters: [],
        conditions: [],
        observations: [],
        medicationRequests: [],
        medicationAdministrations: [],
      };
      this.byPatient.set(patientId, record);
    }
    switch (resource.resourceType) {
      case 'Patient':
        record.patient = resource as unknown as Patient;
        break;
      case 'Encounter':
        record.encounters.push(resource as unknown as Encounter);
        break;
      case 'Condition':
        record.conditions.push(resource as unknown as Condition);
        break;
      case 'Observation':
        record.observations.push(resource as unknown as Observation);
        break;
      case 'MedicationRequest':
        record.medicationRequests.push(resource as unknown as MedicationRequest);
        break;
      case 'MedicationAdministration':
        record.medicationAdministrations.push(resource as unknown as MedicationAdministration);
        break;
    }
  }

  finish(since: Date): { records: PatientRecord[]; counts: PopulationCounts } {
    const records: PatientRecord[] = [];
    let unknownPatient = 0;
    let outsideWindow = 0;
    for (const building of this.byPatient.values()) {
      const { patient, ...resources } = building;
      if (patient === undefined) {
        unknownPatient += Object.values(resources).reduce((sum, list) => sum + list.length, 0);
      } else if (!building.encounters.some((encounter) => reaches(encounter, since))) {
        outsideWindow += 1;
      } else {
        records.push({ patient, ...resources });
      }
    }
    const total = (pick: (record: PatientRecord) => readonly unknown[]): number =>
      records.reduce((sum, record) => sum + pick(record).length, 0);
    return {
      records,
      counts: {
        patients: records.length,
        encounters: total((r) => r.encounters),
        conditions: total((r) => r.conditions),
        observations: total((r) => r.observations),
        medicationRequests: total((r) => r.medicationRequests),
        medicationAdministrations: total((r) => r.medicationAdministrations),
        withoutPatient: this.withoutPatient,
        unknownPatient,
        outsideWindow,
      },
    };
  }
}
