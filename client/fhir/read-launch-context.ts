import type Client from 'fhirclient/lib/Client';
import { z } from 'zod';
import type { LaunchContext } from '../../core/patient-context';
import { ChartsideError } from '../errors/chartside-error';
import { decodeJwtClaims } from './decode-jwt-claims';

/** The token-response fields Chartside relies on; anything else the EHR adds is ignored. */
const tokenContextSchema = z.object({
  patient: z.string().min(1).optional(),
  encounter: z.string().min(1).optional(),
  need_patient_banner: z.unknown().optional(),
  appContext: z.unknown().optional(),
  scope: z.string().optional(),
  id_token: z.string().optional(),
});

/**
 * Launch context from the token response (SMART App Launch 2.2 §2.0.7, "launch context
 * arrives with the access token"). `fhirUser` is the raw claim of the *decoded, unverified*
 * id_token: fine to display, never to decide anything (the server verifies the id_token).
 * Not `getFhirUser()`: it truncates absolute URLs.
 */
export function readLaunchContext(client: Client): LaunchContext {
  const raw: unknown = client.getState('tokenResponse');
  const parsed = tokenContextSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new ChartsideError(
      'LAUNCH_MISSING',
      `The token response is malformed at ${parsed.error.issues[0]?.path.join('.') ?? '?'}`,
    );
  }
  const token = parsed.data;
  if (token.patient === undefined) {
    throw new ChartsideError('LAUNCH_MISSING', 'The token response has no patient in context');
  }
  const fhirUser =
    token.id_token === undefined
      ? undefined
      : readStringClaim(decodeJwtClaims(token.id_token), 'fhirUser');
  return {
    patientId: token.patient,
    ...(token.encounter === undefined ? {} : { encounterId: token.encounter }),
    needPatientBanner: token.need_patient_banner !== false,
    ...(fhirUser === undefined ? {} : { fhirUser }),
    ...(typeof token.appContext === 'string' ? { appContext: token.appContext } : {}),
    grantedScopes: (token.scope ?? '').split(/\s+/).filter((scope) => scope !== ''),
  };
}

function readStringClaim(claims: unknown, name: string): string | undefined {
  if (typeof claims !== 'object' || claims === null) return undefined;
  const value: unknown = Reflect.get(claims, name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
