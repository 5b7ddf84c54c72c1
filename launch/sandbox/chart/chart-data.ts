import { parseSearchRequest } from '@medplum/core';
import type { MemoryRepository } from '@medplum/fhir-router';
import type {
  Condition,
  Encounter,
  FhirResource,
  Medication,
  MedicationRequest,
  Observation,
  Patient,
} from 'fhir/r4';
import { observationDate } from './chart-format';

/** What the chart shows of one patient, read from the sandbox FHIR repository. */
export interface ChartData {
  patient: Patient;
  /** The encounter in context: the one asked for, else the latest in progress, else the latest. */
  encounter?: Encounter;
  conditions: Condition[];
  /** Newest first, at most `RESULT_LIMIT`; the totals say how many there are. */
  labs: Observation[];
  vitals: Observation[];
  labTotal: number;
  vitalTotal: number;
  medications: MedicationRequest[];
  /** Display names of medications given only by reference. */
  medicationNames: Map<string, string>;
}

export const RESULT_LIMIT = 20;
const CURRENT_ENCOUNTER = new Set(['in-progress', 'arrived', 'triaged', 'onleave']);
const ACTIVE_CLINICAL_STATUS = new Set(['active', 'recurrence', 'relapse']);
const NOT_RESULTS = new Set(['entered-in-error', 'cancelled']);

/**
 * Searches by `subject=` and sorts here: in MemoryRepository a `patient=` or `date` search
 * evaluates a FHIRPath union over every resource type for each candidate, about 1 ms per
 * resource, which for a Synthea patient made one chart take over 20 s.
 */
async function search<T extends FhirResource>(repo: MemoryRepository, query: string) {
  return (await repo.searchResources(parseSearchRequest(query))) as unknown as T[];
}

async function readOptional<T extends FhirResource>(
  repo: MemoryRepository,
  resourceType: T['resourceType'],
  id: string,
): Promise<T | undefined> {
  try {
    return (await repo.readResource(resourceType, id)) as unknown as T;
  } catch {
    return undefined;
  }
}

const newestFirst = (a: string | undefined, b: string | undefined): number =>
  (b ?? '').localeCompare(a ?? '');

function pickEncounter(encounters: Encounter[]): Encounter | undefined {
  const sorted = [...encounters].sort((a, b) => newestFirst(a.period?.start, b.period?.start));
  return sorted.find((e) => CURRENT_ENCOUNTER.has(e.status)) ?? sorted[0];
}

function isActiveProblem(condition: Condition): boolean {
  const clinical = condition.clinicalStatus?.coding?.map((c) => c.code ?? '') ?? [];
  const verification = condition.verificationStatus?.coding?.map((c) => c.code) ?? [];
  return (
    clinical.some((code) => ACTIVE_CLINICAL_STATUS.has(code)) &&
    !verification.some((code) => code === 'entered-in-error' || code === 'refuted')
  );
}

function recentResults(observations: Observation[]): Observation[] {
  return observations
    .filter((o) => !NOT_RESULTS.has(o.status))
    .sort((a, b) => newestFirst(observationDate(a), observationDate(b)));
}

async function medicationNames(repo: MemoryRepository, requests: MedicationRequest[]) {
  const names = new Map<string, string>();
  for (const request of requests) {
    const reference = request.medicationReference?.reference;
    const [type, id] = reference?.split('/') ?? [];
    if (!reference || type !== 'Medication' || !id || request.medicationReference?.display) {
      continue;
    }
    const medication = await readOptional<Medication>(repo, 'Medication', id);
    const coding = medication?.code?.coding?.[0];
    const name = medication?.code?.text ?? coding?.display;
    if (name) names.set(reference, name);
  }
  return names;
}

/** Reads a patient's chart, or `undefined` when the repository has no such patient. */
export async function readChartData(
  repo: MemoryRepository,
  patientId: string,
  encounterId?: string,
): Promise<ChartData | undefined> {
  const patient = await readOptional<Patient>(repo, 'Patient', patientId);
  if (!patient) return undefined;
  const subject = `subject=Patient/${encodeURIComponent(patientId)}`;
  const [chosen, encounters, conditions, labs, vitals, medications] = await Promise.all([
    encounterId ? readOptional<Encounter>(repo, 'Encounter', encounterId) : undefined,
    search<Encounter>(repo, `Encounter?${subject}`),
    search<Condition>(repo, `Condition?${subject}`),
    search<Observation>(repo, `Observation?${subject}&category=laboratory`),
    search<Observation>(repo, `Observation?${subject}&category=vital-signs`),
    search<MedicationRequest>(repo, `MedicationRequest?${subject}&status=active`),
  ]);
  const sortedLabs = recentResults(labs);
  const sortedVitals = recentResults(vitals);
  const encounter = chosen ?? pickEncounter(encounters);
  return {
    patient,
    ...(encounter ? { encounter } : {}),
    conditions: conditions
      .filter(isActiveProblem)
      .sort((a, b) =>
        newestFirst(a.onsetDateTime ?? a.recordedDate, b.onsetDateTime ?? b.recordedDate),
      ),
    labs: sortedLabs.slice(0, RESULT_LIMIT),
    vitals: sortedVitals.slice(0, RESULT_LIMIT),
    labTotal: sortedLabs.length,
    vitalTotal: sortedVitals.length,
    medications,
    medicationNames: await medicationNames(repo, medications),
  };
}
