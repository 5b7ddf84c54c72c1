import type { Condition, Encounter, MedicationRequest, Observation, Reference } from 'fhir/r4';
import { ChartsideError } from '../errors/chartside-error';

type PatientScopedResource = Condition | Encounter | MedicationRequest | Observation;

/**
 * Whether `reference` points at the launch patient: `Patient/{id}`, optionally versioned, or
 * the same written absolute on this FHIR server (FHIR R4 §2.3.0 references.html#literal).
 */
export function referencesPatient(
  reference: Reference | undefined,
  patientId: string,
  serverUrl: string,
): boolean {
  const literal = reference?.reference;
  if (literal === undefined) return false;
  const base = serverUrl.replace(/\/+$/, '');
  const relative = literal.startsWith(`${base}/`) ? literal.slice(base.length + 1) : literal;
  const [type, id, history, version, ...rest] = relative.split('/');
  if (type !== 'Patient' || id !== patientId || rest.length > 0) return false;
  return history === undefined || (history === '_history' && version !== undefined);
}

/**
 * Everything rendered must belong to the token's `patient` (SMART App Launch 2.2 §2.0.7):
 * EHRs have shown the wrong patient when launch state leaked, so one foreign resource
 * rejects the whole context.
 */
export function assertOwnedByPatient(
  resources: readonly PatientScopedResource[],
  patientId: string,
  serverUrl: string,
): void {
  const foreign = resources.find(
    (resource) => !referencesPatient(resource.subject, patientId, serverUrl),
  );
  if (foreign !== undefined) {
    throw new ChartsideError(
      'PATIENT_MISMATCH',
      `A ${foreign.resourceType} in the response does not belong to the patient in context`,
    );
  }
}
