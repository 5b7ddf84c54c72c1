import type {
  CodeableConcept,
  Condition,
  MedicationAdministration,
  MedicationRequest,
  Observation,
} from 'fhir/r4';
import { codingKeys } from '../matcher/patient-index';
import type { PatientRecord } from './measure';

/** Resources of one type by `system|code`, so a value-set query is a few map lookups. */
export class CodedResources<T> {
  private readonly byCode = new Map<string, T[]>();

  /** Adds the resource under every code of its concepts, once per code. */
  add(resource: T, ...concepts: (CodeableConcept | undefined)[]): void {
    for (const key of new Set(concepts.flatMap(codingKeys))) {
      const list = this.byCode.get(key);
      if (list === undefined) this.byCode.set(key, [resource]);
      else list.push(resource);
    }
  }

  /** Resources with a coding among `codes`, each once. */
  find(codes: ReadonlySet<string>): T[] {
    const found = new Set<T>();
    for (const key of codes) for (const resource of this.byCode.get(key) ?? []) found.add(resource);
    return [...found];
  }
}

export interface RecordIndex {
  conditions: CodedResources<Condition>;
  /** Panels are also found by their components' codes (blood pressure). */
  observations: CodedResources<Observation>;
  medicationRequests: CodedResources<MedicationRequest>;
  medicationAdministrations: CodedResources<MedicationAdministration>;
}

const hasCode = (concept: CodeableConcept | undefined, codes: ReadonlySet<string>): boolean =>
  (concept?.coding ?? []).some((c) => c.code !== undefined && codes.has(c.code));

const VOID_CONDITION = new Set(['entered-in-error', 'refuted']);
const VOID_OBSERVATION = new Set<Observation['status']>(['entered-in-error', 'cancelled']);
const VOID_REQUEST = new Set<MedicationRequest['status']>(['entered-in-error', 'cancelled']);
const VOID_ADMINISTRATION = new Set<MedicationAdministration['status']>([
  'entered-in-error',
  'not-done',
]);

function buildIndex(record: PatientRecord): RecordIndex {
  const index: RecordIndex = {
    conditions: new CodedResources(),
    observations: new CodedResources(),
    medicationRequests: new CodedResources(),
    medicationAdministrations: new CodedResources(),
  };
  for (const c of record.conditions)
    if (!hasCode(c.verificationStatus, VOID_CONDITION)) index.conditions.add(c, c.code);
  for (const o of record.observations) {
    if (VOID_OBSERVATION.has(o.status)) continue;
    index.observations.add(o, o.code, ...(o.component ?? []).map((part) => part.code));
  }
  for (const m of record.medicationRequests)
    if (!VOID_REQUEST.has(m.status)) index.medicationRequests.add(m, m.medicationCodeableConcept);
  for (const m of record.medicationAdministrations) {
    if (!VOID_ADMINISTRATION.has(m.status))
      index.medicationAdministrations.add(m, m.medicationCodeableConcept);
  }
  return index;
}

// The job evaluates each record for every measure and several periods: index it once.
const cache = new WeakMap<PatientRecord, RecordIndex>();

/**
 * The record's resources by code, leaving out what no measure may count (entered-in-error or
 * refuted conditions, cancelled or entered-in-error results and orders, doses not given).
 * Period-independent, so cached per record object; records are treated as immutable.
 */
export function indexRecord(record: PatientRecord): RecordIndex {
  let index = cache.get(record);
  if (index === undefined) {
    index = buildIndex(record);
    cache.set(record, index);
  }
  return index;
}
