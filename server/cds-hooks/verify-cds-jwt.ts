import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import type { z } from 'zod';
import type { cdsClientSchema } from '../../core/tenant';
import type { Tenant, TenantStore } from '../tenants/tenant-store';
import type { Database } from '../store/database';
import type { CdsJtiStore } from './jti-store';

export type CdsClient = z.infer<typeof cdsClientSchema>;

/** Why a CDS client was refused; logged, never sent (the answer is a bare 401). */
export class CdsTrustError extends Error {
  constructor(readonly reason: string) {
    super(`CDS client not trusted: ${reason}`);
    this.name = 'CdsTrustError';
  }
}

export interface TrustedCall {
  tenant: Tenant;
  client: CdsClient;
  /** The `iss` of the JWT (the CDS client), for logs. */
  iss: string;
}

export interface CdsTrustDeps {
  tenants: TenantStore;
  /** The store the tenants live in, to notice a changed registration cheaply. */
  db: Database;
  jtis: CdsJtiStore;
  publicUrl: string;
  /** Clock skew tolerated on `exp`, `iat` and `nbf`. */
  clockToleranceSeconds?: number;
  /** The longest `exp - iat` accepted: Epic signs for 15 minutes; an hour bounds the replay store. */
  maxLifetimeSeconds?: number;
}

const ALLOWED_ALGORITHMS = new Set(['ES384', 'RS384']);

/**
 * Verifies the bearer JWT of a CDS Hooks call (CDS Hooks 2.0.1 §Trusting CDS Clients): header
 * `alg` ES384/RS384 as registered (never `none` or HMAC), `kid`, `typ: JWT`, a `jku` only from
 * the registration's allow-list; `iss` registered on an active tenant, `aud` the exact endpoint
 * URL built from configuration, `exp`/`iat` current, and a `jti` never seen before.
 */
export class CdsTrust {
  private readonly remoteKeySets = new Map<string, JWTVerifyGetKey>();
  /**
   * Registered key sets, imported once per registration as read: a changed registration is
   * re-read (see activeTenants) into new client objects, which get new key sets.
   */
  private readonly localKeySets = new WeakMap<CdsClient, JWTVerifyGetKey>();
  private active: { version: string; tenants: Tenant[] } | undefined;

  constructor(private readonly deps: CdsTrustDeps) {}

  async verify(
    token: string,
    endpointPath: string,
    fhirServer: string | undefined,
  ): Promise<TrustedCall> {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverifiedIss: unknown;
    try {
      header = decodeProtectedHeader(token);
      unverifiedIss = decodeJwt(token).iss;
    } catch {
      throw new CdsTrustError('not a JWS compact token');
    }
    if (header.alg === undefined || !ALLOWED_ALGORITHMS.has(header.alg))
      throw new CdsTrustError(`alg ${String(header.alg)} is not allowed`);
    if (typeof header.kid !== 'string' || header.kid === '') throw new CdsTrustError('no kid');
    if (typeof header.typ !== 'string' || header.typ.toUpperCase() !== 'JWT')
      throw new CdsTrustError('typ is not JWT');
    if (typeof unverifiedIss !== 'string') throw new CdsTrustError('no iss');

    const { tenant, client } = await this.registration(unverifiedIss, fhirServer);
    if (!client.algorithms.includes(header.alg as 'ES384' | 'RS384'))
      throw new CdsTrustError(`alg ${header.alg} is not registered for this client`);
    if (header.jku !== undefined && header.jku !== client.jku)
      throw new CdsTrustError('jku is not on the allow-list');

    const audience = `${client.aud ?? this.deps.publicUrl}${endpointPath}`;
    let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
    try {
      ({ payload } = await jwtVerify(token, this.keySet(client), {
        algorithms: client.algorithms,
        issuer: client.iss,
        audience,
        clockTolerance: this.deps.clockToleranceSeconds ?? 60,
        requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
      }));
    } catch (error) {
      throw new CdsTrustError(error instanceof Error ? error.name : 'signature');
    }
    const exp = payload.exp ?? 0;
    const iat = payload.iat ?? 0;
    const now = Math.floor(Date.now() / 1000);
    const tolerance = this.deps.clockToleranceSeconds ?? 60;
    if (iat > now + tolerance) throw new CdsTrustError('iat in the future');
    if (exp - iat > (this.deps.maxLifetimeSeconds ?? 3600))
      throw new CdsTrustError('lifetime too long');
    if (typeof payload.jti !== 'string' || payload.jti === '') throw new CdsTrustError('no jti');
    // Kept until the token could no longer pass `exp` even with the tolerated skew.
    const until = new Date((exp + tolerance) * 1000);
    const first = await this.deps.jtis.remember(client.iss, payload.jti, until);
    if (!first) throw new CdsTrustError('jti replayed');
    return { tenant, client, iss: client.iss };
  }

  /**
   * The active tenant that registered this CDS client. When several did (one EHR vendor issuer
   * for several health systems), the request's `fhirServer` picks the one; it must be that
   * tenant's FHIR base when it is sent at all.
   */
  private async registration(
    iss: string,
    fhirServer: string | undefined,
  ): Promise<{ tenant: Tenant; client: CdsClient }> {
    const server = fhirServer?.replace(/\/+$/, '');
    const candidates = (await this.activeTenants()).flatMap((tenant) =>
      tenant.cdsClients.filter((c) => c.iss === iss).map((client) => ({ tenant, client })),
    );
    if (candidates.length === 0) throw new CdsTrustError('iss not registered on an active tenant');
    const chosen =
      server === undefined
        ? candidates.length === 1
          ? candidates[0]
          : undefined
        : candidates.find((c) => c.tenant.iss === server);
    if (!chosen) throw new CdsTrustError('fhirServer is not the tenant registered for this iss');
    return chosen;
  }

  /**
   * Active tenants, re-read only when a registration changed (row count or newest update): a
   * disabled tenant or a removed client is refused on the very next call, in every process.
   */
  private async activeTenants(): Promise<Tenant[]> {
    const row = await this.deps.db
      .selectFrom('tenants')
      .select((eb) => [
        eb.fn.countAll<number | bigint | string>().as('n'),
        eb.fn.max('updated_at').as('at'),
      ])
      .executeTakeFirst();
    const version = `${String(row?.n ?? 0)}|${row?.at ?? ''}`;
    if (this.active?.version !== version) {
      this.active = { version, tenants: await this.deps.tenants.listActive() };
    }
    return this.active.tenants;
  }

  private keySet(client: CdsClient): JWTVerifyGetKey {
    if (client.jwks) {
      let local = this.localKeySets.get(client);
      if (!local) {
        local = createLocalJWKSet(client.jwks);
        this.localKeySets.set(client, local);
      }
      return local;
    }
    const url = client.jku;
    if (url === undefined) throw new CdsTrustError('no keys registered');
    let keys = this.remoteKeySets.get(url);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(url), { timeoutDuration: 3000, cooldownDuration: 30_000 });
      this.remoteKeySets.set(url, keys);
    }
    return keys;
  }
}
