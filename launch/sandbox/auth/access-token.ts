import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { SigningKey } from './signing-key';

export interface AccessTokenClaims {
  /** Practitioner/<id> of the signed-in user. */
  sub: string;
  client_id: string;
  scope: string;
  patient?: string;
  encounter?: string;
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

/** Verifies a bearer token presented to the FHIR endpoint; throws when invalid or expired. */
export async function verifyAccessToken(
  key: SigningKey,
  fhirBaseUrl: string,
  token: string,
): Promise<AccessTokenClaims & JWTPayload> {
  const { payload } = await jwtVerify<AccessTokenClaims>(token, key.publicKey, {
    issuer: fhirBaseUrl,
    audience: fhirBaseUrl,
    algorithms: ['RS256'],
    typ: 'at+jwt',
  });
  return payload;
}
