import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { SigningKey } from './signing-key';

export interface AccessTokenClaims {
  /** Practitioner/<id> of the signed-in user; the client id for Backend Services (RFC 9068 §2.2). */
  sub: string;
  client_id: string;
  scope: string;
  patient?: string;
  encounter?: string;
  /** Set on Backend Services tokens only: no user, no patient, `system/` scopes. */
  grant_type?: 'client_credentials';
}

/** Issues the sandbox's access token: a JWT the FHIR endpoint verifies (RFC 9068 style). */
export async function signAccessToken(
  key: SigningKey,
  fhirBaseUrl: string,
  claims: AccessTokenClaims,
  ttlSeconds: number,
): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'at+jwt' })
    .setIssuer(fhirBaseUrl)
    .setAudience(fhirBaseUrl)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
}

/**
 * Tokens this sandbox already verified, until they expire: a real EHR answers a repeated token
 * from its session cache too, and the sandbox stands in for one. Bounded; emptied when full.
 */
const verified = new Map<string, AccessTokenClaims & JWTPayload>();
const VERIFIED_CAPACITY = 10_000;

/** Verifies a bearer token presented to the FHIR endpoint; throws when invalid or expired. */
export async function verifyAccessToken(
  key: SigningKey,
  fhirBaseUrl: string,
  token: string,
): Promise<AccessTokenClaims & JWTPayload> {
  const cacheKey = `${key.kid} ${fhirBaseUrl} ${token}`;
  const cached = verified.get(cacheKey);
  if (cached?.exp !== undefined && cached.exp > Date.now() / 1000) return cached;
  if (cached) verified.delete(cacheKey);
  const { payload } = await jwtVerify<AccessTokenClaims>(token, key.publicKey, {
    issuer: fhirBaseUrl,
    audience: fhirBaseUrl,
    algorithms: ['RS256'],
    typ: 'at+jwt',
  });
  if (payload.exp !== undefined) {
    if (verified.size >= VERIFIED_CAPACITY) verified.clear();
    verified.set(cacheKey, payload);
  }
  return payload;
}
