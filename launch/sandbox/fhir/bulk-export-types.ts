import { getResourceTypes } from '@medplum/core';
import type { OperationOutcome } from 'fhir/r4';
import { grantedLevel } from '../auth/scopes';
import { outcome } from './operation-outcome';
import { isPatientCompartmentType } from './patient-compartment';

export type ExportTypes =
  { ok: true; types: string[] } | { ok: false; status: 400 | 403; outcome: OperationOutcome };

/** Whether `system/` scopes let a token read and search every resource of a type. */
export function canExport(scopes: readonly string[], type: string): boolean {
  return (
    grantedLevel(scopes, type, 'r') === 'system' && grantedLevel(scopes, type, 's') === 'system'
  );
}

/**
 * The types a patient-level export may hold: the R4 Patient compartment, less Group, which joins
 * it through `member` rather than a link from the resource to its patient.
 */
function patientLevelType(type: string): boolean {
  return isPatientCompartmentType(type) && type !== 'Group';
}

/**
 * The resource types an export covers (Bulk Data Access IG 2.0.0 §Query Parameters, `_type`):
 * the asked ones, each a known type (400), in the Patient compartment for Patient and Group
 * exports (400) and allowed by the token (403); without `_type`, every type the token allows.
 */
export function exportTypes(
  scopes: readonly string[],
  asked: readonly string[] | undefined,
  patientLevel: boolean,
): ExportTypes {
  const known = new Set<string>(getResourceTypes());
  const eligible = (type: string): boolean => !patientLevel || patientLevelType(type);
  for (const type of asked ?? []) {
    const problem = !known.has(type)
      ? `${type} is not a FHIR R4 resource type`
      : !eligible(type)
        ? `${type} is outside the Patient compartment`
        : undefined;
    if (problem !== undefined) {
      return { ok: false, status: 400, outcome: outcome('not-supported', problem) };
    }
    if (!canExport(scopes, type)) {
      const denied = outcome('forbidden', `Scope does not allow exporting ${type}`);
      return { ok: false, status: 403, outcome: denied };
    }
  }
  const types = asked ?? [...known].filter((type) => eligible(type) && canExport(scopes, type));
  if (types.length === 0) {
    const none = outcome('forbidden', 'The token allows exporting no resource type');
    return { ok: false, status: 403, outcome: none };
  }
  return { ok: true, types: [...types] };
}
