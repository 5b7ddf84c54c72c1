import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { AppError } from '../http/app-error';

const smartConfigurationSchema = z.looseObject({
  issuer: z.url().optional(),
  jwks_uri: z.url().optional(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
});

export interface TenantOidc {
  issuer: string;
  keys: JWTVerifyGetKey;
}

const DISCOVERY_TTL_MS = 10 * 60_000;

/**
 * The OpenID issuer and signing keys of each registered EHR, from its
 * `{iss}/.well-known/smart-configuration` (SMART App Launch 2.2 §2.0.4) — never from the token.
 * Discovery is cached; jose's remote key set refetches on an unknown `kid`, at most every 30 s.
 */
export class TenantDiscovery {
  private readonly cache = new Map<string, { at: number; oidc: Promise<TenantOidc> }>();

  constructor(private readonly fetchImpl: typeof fetch = fetch) {}

  oidcFor(iss: string): Promise<TenantOidc> {
    const cached = this.cache.get(iss);
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.oidc;
    const oidc = this.discover(iss);
    this.cache.set(iss, { at: Date.now(), oidc });
    oidc.catch(() => this.cache.delete(iss));
    return oidc;
  }

  private async discover(iss: string): Promise<TenantOidc> {
    let body: unknown;
    try {
      const response = await this.fetchImpl(`${iss}/.well-known/smart-configuration`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = await response.json();
    } catch {
      throw new AppError('EHR_UNREACHABLE', 502, 'The EHR’s SMART configuration could not be read');
    }
    const parsed = smartConfigurationSchema.safeParse(body);
    if (!parsed.success || parsed.data.issuer === undefined || parsed.data.jwks_uri === undefined) {
      throw new AppError(
        'EHR_MISCONFIGURED',
        502,
        'The EHR does not publish an OpenID issuer and jwks_uri',
      );
    }
    return {
      issuer: parsed.data.issuer,
      keys: createRemoteJWKSet(new URL(parsed.data.jwks_uri), {
        timeoutDuration: 5000,
        cooldownDuration: 30_000,
        cacheMaxAge: 10 * 60_000,
      }),
    };
  }
}
