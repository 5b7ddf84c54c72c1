import { SignJWT } from 'jose';
import { CDS_CLIENT_JWKS_PATH, type CdsClientKey } from './cds-client-key';

/** Short-lived, so a leaked token is soon useless; services may refuse longer lifetimes. */
const LIFETIME_SECONDS = 300;

/**
 * The bearer JWT for one CDS Hooks call (CDS Hooks 2.0.1 §Trusting CDS Clients): ES384 with
 * `kid` and `jku`; `iss` the sandbox, `aud` the exact URL called, a fresh `jti` every time.
 */
export async function signCdsClientJwt(
  key: CdsClientKey,
  options: { issuer: string; audience: string; now?: Date },
): Promise<string> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({
      alg: 'ES384',
      kid: key.kid,
      typ: 'JWT',
      jku: `${options.issuer}${CDS_CLIENT_JWKS_PATH}`,
    })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + LIFETIME_SECONDS)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
}
