import { SignJWT } from 'jose';
import { z } from 'zod';
import type { BackendServices } from '../../../core/tenant';
import type { AppKeys, ClientAssertionKey } from '../../auth/app-keys';
import { AppError } from '../../http/app-error';
import { discoverTokenUrl } from './token-endpoint';

/** SMART App Launch 2.2 Backend Services allows five minutes at most; four leave room for clock skew. */
const ASSERTION_LIFETIME_SECONDS = 240;
/** A cached token is renewed this long before it expires, so no request carries a dying one. */
const RENEW_BEFORE_MS = 30_000;
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface BackendTenant {
  iss: string;
  backendServices?: BackendServices;
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((type) => type.toLowerCase() === 'bearer'),
  expires_in: z.number().int().positive(),
  scope: z.string(),
});

const oauthErrorSchema = z.object({ error: z.string().regex(/^[\x20-\x7e]{1,64}$/) });

/** A token refusal, with the EHR's RFC 6749 §5.2 `error` code for whoever fixes the registration. */
export class BackendTokenRejected extends AppError {
  constructor(readonly oauthError: string) {
    super(
      'BACKEND_TOKEN_REJECTED',
      502,
      `The EHR refused the app's Backend Services token request (${oauthError}): check the client id and the registered JWKS URL`,
    );
  }
}

/**
 * The `private_key_jwt` client assertion (SMART App Launch 2.2 §Backend Services, RFC 7523):
 * `iss` = `sub` = client id, `aud` = the token URL, a fresh `jti`, five minutes at most.
 */
export function signClientAssertion(
  key: ClientAssertionKey,
  options: { clientId: string; tokenUrl: string; now?: number },
): Promise<string> {
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(options.clientId)
    .setSubject(options.clientId)
    .setAudience(options.tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ASSERTION_LIFETIME_SECONDS)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
}

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/**
 * Access tokens for the outcomes job (SMART Backend Services, client_credentials grant), one per
 * tenant, cached until shortly before they expire. The assertion and the token are never put in
 * an error or a log.
 */
export class BackendTokenClient {
  private readonly cache = new Map<string, Promise<CachedToken>>();
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(
    private readonly keys: AppKeys,
    options: { fetch?: typeof fetch; timeoutMs?: number; now?: () => number } = {},
  ) {
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async accessToken(tenant: BackendTenant): Promise<string> {
    const registration = tenant.backendServices;
    if (registration === undefined) {
      throw new AppError(
        'BACKEND_SERVICES_NOT_CONFIGURED',
        409,
        'This EHR has no Backend Services registration: add backendServices to the tenant',
      );
    }
    const cacheKey = JSON.stringify([tenant.iss, registration]);
    const cached = this.cache.get(cacheKey);
    if (cached) {
      const token = await cached.catch(() => undefined);
      if (token && token.expiresAt - RENEW_BEFORE_MS > this.now()) return token.accessToken;
      if (this.cache.get(cacheKey) === cached) this.cache.delete(cacheKey);
    }
    const request = this.requestToken(tenant.iss, registration);
    this.cache.set(cacheKey, request);
    request.catch(() => {
      if (this.cache.get(cacheKey) === request) this.cache.delete(cacheKey);
    });
    return (await request).accessToken;
  }

  private async requestToken(iss: string, registration: BackendServices): Promise<CachedToken> {
    const key = this.keys.clientAssertion[registration.algorithm];
    if (key === undefined) {
      throw new AppError(
        'BACKEND_SERVICES_NOT_CONFIGURED',
        409,
        `The app has no ${registration.algorithm} client-assertion key: set it in the app's configuration`,
      );
    }
    const tokenUrl =
      registration.tokenUrl ??
      (await discoverTokenUrl(iss, registration.algorithm, {
        fetch: this.fetchImpl,
        timeoutMs: this.timeoutMs,
      }));
    const assertion = await signClientAssertion(key, {
      clientId: registration.clientId,
      tokenUrl,
      now: this.now(),
    });
    const requestedAt = this.now();
    let response: Response;
    let body: unknown;
    try {
      response = await this.fetchImpl(tokenUrl, {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_assertion_type: JWT_BEARER,
          client_assertion: assertion,
          scope: registration.scope,
        }),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = await response.json().catch(() => undefined);
    } catch {
      throw new AppError('EHR_UNREACHABLE', 502, 'The EHR’s token endpoint could not be reached');
    }
    if (response.status !== 200) {
      const oauth = oauthErrorSchema.safeParse(body);
      throw new BackendTokenRejected(oauth.success ? oauth.data.error : `HTTP ${response.status}`);
    }
    const token = tokenResponseSchema.safeParse(body);
    if (!token.success) {
      throw new AppError(
        'BACKEND_TOKEN_INVALID',
        502,
        `The EHR’s token response is not a SMART Backend Services token: ${token.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ')}`,
      );
    }
    return {
      accessToken: token.data.access_token,
      expiresAt: requestedAt + token.data.expires_in * 1000,
    };
  }
}
