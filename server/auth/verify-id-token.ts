import { jwtVerify } from 'jose';
import { AppError } from '../http/app-error';
import type { Tenant } from '../tenants/tenant-store';
import type { TenantDiscovery } from './tenant-discovery';

export interface VerifiedLearner {
  /** The `fhirUser` claim as the EHR sent it (absolute or relative). */
  fhirUserRaw: string;
  /** The same, resolved against the tenant's FHIR base. */
  fhirUser: string;
  subject: string;
}

/**
 * Verifies an EHR id_token per OpenID Connect Core §3.1.3.7 and SMART App Launch 2.2 §2.0.8:
 * RS256 only, issuer exactly the tenant's discovered issuer, our client id in `aud`, `exp`/`iat`
 * with 60 s of leeway, keys from the tenant's `jwks_uri`. `fhirUser` must be present.
 */
export async function verifyIdToken(
  idToken: string,
  tenant: Tenant,
  discovery: TenantDiscovery,
): Promise<VerifiedLearner> {
  const oidc = await discovery.oidcFor(tenant.iss);
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(idToken, oidc.keys, {
      issuer: oidc.issuer,
      audience: tenant.clientId,
      algorithms: ['RS256'],
      clockTolerance: 60,
      requiredClaims: ['iat', 'exp', 'sub'],
    }));
  } catch {
    throw new AppError(
      'SMART_ID_TOKEN_INVALID',
      401,
      'Your EHR sign-in could not be verified. Close Chartside and open it again from the chart.',
      ['idToken'],
    );
  }
  const raw = payload.fhirUser;
  if (typeof raw !== 'string' || raw === '') {
    throw new AppError(
      'FHIR_USER_MISSING',
      401,
      'The EHR did not say who is signed in (no fhirUser)',
      ['idToken'],
    );
  }
  const fhirUser = /^https?:\/\//.test(raw) ? raw : `${tenant.iss}/${raw.replace(/^\/+/, '')}`;
  return { fhirUserRaw: raw, fhirUser, subject: String(payload.sub) };
}
