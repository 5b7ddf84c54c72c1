import { AppError } from '../http/app-error';
import { ehrGet, type EhrResponse } from '../http/ehr-get';

export interface VerifiedEncounter {
  id: string;
  versionId?: string;
  /** Absolute, versioned when the EHR gives a version: `{iss}/Encounter/{id}/_history/{v}`. */
  reference: string;
}

/**
 * Proves the triggering encounter (DESIGN.md §4): read `Encounter/{id}` from the tenant's FHIR
 * server with the clinician's own access token; it must exist, be readable and belong to the
 * launch patient. The token is used for this one request and never kept.
 */
export async function readEncounter(
  iss: string,
  encounter: string,
  patientId: string,
  accessToken: string,
): Promise<VerifiedEncounter> {
  const id = encounter.slice('Encounter/'.length);
  let response: EhrResponse;
  try {
    response = await ehrGet(
      `${iss}/Encounter/${encodeURIComponent(id)}`,
      { authorization: `Bearer ${accessToken}`, accept: 'application/fhir+json' },
      { timeoutMs: 5000, maxBytes: 1024 * 1024 },
    );
  } catch {
    throw new AppError(
      'EHR_UNREACHABLE',
      502,
      'Your EHR could not be reached to confirm the encounter. Try again.',
    );
  }
  if (response.status < 200 || response.status > 299) {
    throw new AppError(
      'ENCOUNTER_NOT_ACCESSIBLE',
      403,
      'The encounter could not be read with your EHR session. Open Chartside again from the chart.',
      ['encounter'],
    );
  }
  const body = response.json as
    | {
        resourceType?: string;
        id?: string;
        subject?: { reference?: string };
        meta?: { versionId?: string };
      }
    | undefined;
  if (body?.resourceType !== 'Encounter' || body.id !== id) {
    throw new AppError('ENCOUNTER_NOT_ACCESSIBLE', 403, 'The EHR did not return that encounter', [
      'encounter',
    ]);
  }
  const subject = body.subject?.reference;
  if (subject !== `Patient/${patientId}` && subject !== `${iss}/Patient/${patientId}`) {
    throw new AppError(
      'ENCOUNTER_PATIENT_MISMATCH',
      403,
      'The encounter belongs to another patient',
      ['encounter'],
    );
  }
  const versionId = body.meta?.versionId;
  return {
    id,
    ...(versionId !== undefined && { versionId }),
    reference: `${iss}/Encounter/${id}${versionId === undefined ? '' : `/_history/${versionId}`}`,
  };
}
