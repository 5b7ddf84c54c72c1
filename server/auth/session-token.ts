import { jwtVerify, SignJWT } from 'jose';
import { AppError } from '../http/app-error';
import type { AppKeys } from './app-keys';

export interface SessionClaims {
  /** Absolute fhirUser of the learner. */
  sub: string;
  /** Tenant id the session belongs to. */
  tenant: string;
}

const SESSION_TTL_SECONDS = 60 * 60;
const TYP = 'chartside-session+jwt';

/** Issues the app's own short-lived session token (a JWT signed with the app key). */
export async function signSessionToken(
  keys: AppKeys,
  publicUrl: string,
  claims: SessionClaims,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date((Math.floor(Date.now() / 1000) + SESSION_TTL_SECONDS) * 1000);
  const token = await new SignJWT({ tenant: claims.tenant })
    .setProtectedHeader({ alg: keys.alg, kid: keys.kid, typ: TYP })
    .setIssuer(publicUrl)
    .setAudience(`${publicUrl}/api`)
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .setJti(crypto.randomUUID())
    .sign(keys.privateKey);
  return { token, expiresAt };
}

/**
 * Verifies a session token on every learner request with jose: ES256 and `typ` as issued, then
 * `iss`, `aud` and a required `exp` (RFC 7519 §4.1). Kept on jose rather than a hand-rolled
 * check: it is the gate of every learner API, and jose is the maintained implementation.
 */
export async function verifySessionToken(
  keys: AppKeys,
  publicUrl: string,
  token: string,
): Promise<SessionClaims> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      issuer: publicUrl,
      audience: `${publicUrl}/api`,
      algorithms: [keys.alg],
      typ: TYP,
      requiredClaims: ['exp'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.tenant !== 'string')
      throw new Error('claims');
    return { sub: payload.sub, tenant: payload.tenant };
  } catch {
    throw new AppError(
      'SESSION_INVALID',
      401,
      'Your Chartside session has expired. Open Chartside again from the chart.',
    );
  }
}
