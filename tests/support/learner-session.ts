import type { Stack } from './stack';
import { launchTokens } from './smart-client';

export interface LearnerSession {
  /** Authorization header for the app API. */
  headers: Record<string, string>;
  fhirUser: string;
  /** The EHR access token of the launch, for the encounter check. */
  accessToken: string;
  patient: string;
  encounter: string;
}

/** A clinician launched on `patientId` in the sandbox, signed in to the app with the launch's id_token. */
export async function learnerSession(
  stack: Pick<Stack, 'sandbox' | 'appUrl'>,
  patientId: string,
  practitionerIndex = 0,
): Promise<LearnerSession> {
  const persona = stack.sandbox.patients.find((p) => p.id === patientId);
  if (!persona?.encounterId) throw new Error(`no persona ${patientId} with an encounter`);
  const practitioner = stack.sandbox.practitioners[practitionerIndex]?.id ?? '';
  const { body, accessToken } = await launchTokens(stack.sandbox, stack.appUrl, {
    patient: patientId,
    encounter: persona.encounterId,
    practitioner,
  });
  const response = await fetch(`${stack.appUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ iss: stack.sandbox.urls.fhirBaseUrl, idToken: body.id_token }),
  });
  const session = (await response.json()) as { sessionToken: string; fhirUser: string };
  return {
    headers: {
      authorization: `Bearer ${session.sessionToken}`,
      'content-type': 'application/json',
    },
    fhirUser: session.fhirUser,
    accessToken,
    patient: patientId,
    encounter: `Encounter/${persona.encounterId}`,
  };
}
