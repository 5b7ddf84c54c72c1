import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import type { BackendClient } from './backend-clients';

/** RFC 7523 §2.2: the `client_assertion_type` of a JWT client assertion. */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** SMART App Launch 2.2 §Client Authentication: Asymmetric — servers support RS384 and ES384. */
export const ASSERTION_ALGORITHMS = ['RS384', 'ES384'] as const;

/** The longest an assertion may still be valid for: `exp` at most five minutes ahead. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;

/** Clock skew tolerated on `exp` and `nbf`: a client rounding its clock up is not refused. */
const CLOCK_TOLERANCE_SECONDS = 5;

/** Why an assertion was refused: the token endpoint answers `invalid_client` with this text. */
export class ClientAssertionError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ClientAssertionError';
  }
}

export interface ClientAssertionOptions {
  clients: readonly BackendClient[];
  /** The token endpoint's URL: the only `aud` accepted. */
  tokenUrl: string;
  /** After an unknown `kid`, a client's JWKS URL is fetched again at most this often. */
  refetchCooldownMs?: number;
}

/**
 * Verifies `private_key_jwt` client assertions (SMART App Launch 2.2 §Client Authentication:
 * Asymmetric; RFC 7523 §3): header `alg` RS384/ES384 with a `kid` (and `typ: JWT` when present),
 * `iss` = `sub` = a registered client id, `aud` exactly the token URL, `exp` in the future and at
 * most five minutes ahead, a `jti` never seen before, signed by a key of the client's JWKS.
 */
export class ClientAssertionVerifier {
  private readonly clients: Map<string, BackendClient>;
  private readonly keySets = new Map<string, JWTVerifyGetKey>();
  /** `clientId jti` → `exp` (s): one sandbox process, so memory is enough (§jti replay). */
  private readonly seen = new Map<string, number>();

  constructor(private readonly options: ClientAssertionOptions) {
    this.clients = new Map(options.clients.map((client) => [client.clientId, client]));
  }

  async verify(assertion: string): Promise<BackendClient> {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverifiedIss: unknown;
    try {
      header = decodeProtectedHeader(assertion);
      unverifiedIss = decodeJwt(assertion).iss;
    } catch {
      throw new ClientAssertionError('client_assertion is not a signed JWT');
    }
    if (!(ASSERTION_ALGORITHMS as readonly unknown[]).includes(header.alg)) {
      throw new ClientAssertionError(`alg ${String(header.alg)} is not accepted (RS384 or ES384)`);
    }
    if (typeof header.kid !== 'string' || header.kid === '') {
      throw new ClientAssertionError('the assertion header has no kid');
    }
    if (header.typ !== undefined && header.typ.toUpperCase() !== 'JWT') {
      throw new ClientAssertionError('the assertion typ must be JWT');
    }
    const client = typeof unverifiedIss === 'string' ? this.clients.get(unverifiedIss) : undefined;
    if (!client) throw new ClientAssertionError('iss is not a registered backend client');
    if (header.jku !== undefined && header.jku !== client.jwksUri) {
      throw new ClientAssertionError('jku is not the JWKS URL registered for this client');
    }
    const tolerance = CLOCK_TOLERANCE_SECONDS;
    let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
    try {
      ({ payload } = await jwtVerify(assertion, this.keySet(client), {
        algorithms: [...ASSERTION_ALGORITHMS],
        issuer: client.clientId,
        subject: client.clientId,
        requiredClaims: ['iss', 'sub', 'aud', 'exp', 'jti'],
        clockTolerance: tolerance,
      }));
    } catch (error) {
      throw new ClientAssertionError(joseReason(error));
    }
    if (payload.aud !== this.options.tokenUrl) {
      throw new ClientAssertionError('aud must be exactly the token endpoint URL');
    }
    const now = Math.floor(Date.now() / 1000);
    const exp = payload.exp ?? 0;
    if (exp > now + MAX_ASSERTION_LIFETIME_SECONDS + tolerance) {
      throw new ClientAssertionError('exp is more than five minutes in the future');
    }
    const jti = typeof payload.jti === 'string' ? payload.jti : '';
    this.rememberJti(client.clientId, jti, exp + tolerance, now);
    return client;
  }

  /** Records a jti until its assertion could no longer pass `exp`; a second use is refused. */
  private rememberJti(clientId: string, jti: string, until: number, now: number): void {
    if (jti === '') throw new ClientAssertionError('jti must not be empty');
    for (const [key, expires] of this.seen) if (expires < now) this.seen.delete(key);
    const key = `${clientId} ${jti}`;
    if (this.seen.has(key)) throw new ClientAssertionError('jti was already used');
    this.seen.set(key, until);
  }

  private keySet(client: BackendClient): JWTVerifyGetKey {
    let keys = this.keySets.get(client.clientId);
    if (!keys) {
      keys = client.jwks
        ? createLocalJWKSet(client.jwks)
        : createRemoteJWKSet(new URL(client.jwksUri ?? ''), {
            timeoutDuration: 3000,
            cooldownDuration: this.options.refetchCooldownMs ?? 30_000,
          });
      this.keySets.set(client.clientId, keys);
    }
    return keys;
  }
}

/** jose's error, told in words a client developer can act on; never the assertion itself. */
function joseReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const claim = (error as { claim?: unknown }).claim;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'the assertion has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `claim ${String(claim)} is missing or wrong`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'the signature does not verify with the registered key';
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return 'no registered key matches the kid and alg';
    case 'ERR_JWKS_TIMEOUT':
      return "the client's JWKS URL did not answer in time";
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'alg is not accepted (RS384 or ES384)';
    default:
      return "the assertion could not be verified against the client's keys";
  }
}
