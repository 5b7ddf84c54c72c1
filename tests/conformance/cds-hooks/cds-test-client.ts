import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bundle, Observation, Resource } from 'fhir/r4';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { personaContext } from '../../../scripts/persona-contexts';
import { buildPersonas, type Persona } from '../../../launch/sandbox/personas';
import type { CdsServiceId } from '../../../core/cds-hooks/service-ids';
import { startStack, type Stack } from '../../support/stack';

/** The issuer our test CDS client signs as; registered on the sandbox tenant. */
export const TEST_ISS = 'https://cds-client.test';

export interface TestKey {
  alg: 'ES384' | 'RS384';
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface CdsStack {
  stack: Stack;
  /** The sandbox tenant's FHIR base (its `iss`). */
  fhirServer: string;
  jku: string;
  keys: { es384: TestKey; rs384: TestKey };
  personas: Persona[];
  close(): Promise<void>;
}

async function testKey(alg: TestKey['alg']): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `${alg.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}`;
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg } };
}

/**
 * The real sandbox EHR and app, plus a test CDS client whose JWKS is served over real HTTP on a
 * loopback port and whose `jku` is registered on the sandbox tenant beside the sandbox's own.
 */
export async function startCdsStack(env: NodeJS.ProcessEnv = {}): Promise<CdsStack> {
  const stack = await startStack({ env });
  const keys = { es384: await testKey('ES384'), rs384: await testKey('RS384') };
  const jwksServer: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [keys.es384.publicJwk, keys.rs384.publicJwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const jku = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  const fhirServer = stack.sandbox.urls.fhirBaseUrl;
  const tenant = await stack.tenants.findByIss(fhirServer);
  if (!tenant) throw new Error('the sandbox tenant is not registered');
  await stack.tenants.upsert({
    ...tenant,
    cdsClients: [...tenant.cdsClients, { iss: TEST_ISS, jku, algorithms: ['ES384', 'RS384'] }],
  });
  return {
    stack,
    fhirServer,
    jku,
    keys,
    personas: buildPersonas(new Date()),
    async close() {
      jwksServer.closeAllConnections();
      await new Promise((resolve) => jwksServer.close(resolve));
      await stack.close();
    },
  };
}

export interface SignOptions {
  key: TestKey;
  aud: string | string[];
  iss?: string;
  jku?: string | null;
  kid?: string;
  typ?: string;
  iat?: number;
  exp?: number;
  jti?: string;
}

/** A CDS client JWT (CDS Hooks 2.0.1 §Trusting CDS Clients), each part overridable. */
export async function signCdsJwt(cds: CdsStack, options: SignOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const header = {
    alg: options.key.alg,
    kid: options.kid ?? options.key.kid,
    typ: options.typ ?? 'JWT',
    ...(options.jku !== null && { jku: options.jku ?? cds.jku }),
  };
  return new SignJWT({})
    .setProtectedHeader(header)
    .setIssuer(options.iss ?? TEST_ISS)
    .setAudience(options.aud)
    .setIssuedAt(options.iat ?? now)
    .setExpirationTime(options.exp ?? now + 300)
    .setJti(options.jti ?? crypto.randomUUID())
    .sign(options.key.privateKey);
}

export function serviceUrl(cds: CdsStack, id: CdsServiceId, feedback = false): string {
  return `${cds.stack.appUrl}/cds-services/${id}${feedback ? '/feedback' : ''}`;
}

/** POSTs `body` to a service (or its feedback endpoint) with a fresh good ES384 JWT, or `token`. */
export async function callCds(
  cds: CdsStack,
  id: CdsServiceId,
  body: unknown,
  options: { feedback?: boolean; token?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const url = serviceUrl(cds, id, options.feedback);
  const token = options.token ?? (await signCdsJwt(cds, { key: cds.keys.es384, aud: url }));
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...options.headers,
    },
    body: JSON.stringify(body),
  });
}

function searchset(resources: readonly Resource[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
  };
}

const category = (observation: Observation, code: string): boolean =>
  (observation.category ?? []).some((c) => c.coding?.some((coding) => coding.code === code));

/** The prefetch an EHR sends for a persona, every template satisfied. */
export function personaPrefetch(persona: Persona): Record<string, Resource> {
  const chart = personaContext(persona);
  return {
    patient: chart.patient,
    ...(chart.encounter && { encounter: chart.encounter }),
    conditions: searchset(chart.conditions),
    labs: searchset(chart.observations.filter((o) => category(o, 'laboratory'))),
    vitals: searchset(chart.observations.filter((o) => category(o, 'vital-signs'))),
    imaging: searchset(chart.observations.filter((o) => category(o, 'imaging'))),
    medications: searchset(chart.medications),
  };
}

export function persona(cds: CdsStack, topic: string): Persona {
  const found = cds.personas.find((p) => p.topic === topic);
  if (!found) throw new Error(`no persona for ${topic}`);
  return found;
}

/** A patient-view request for a persona, seen by `userId`. */
export function patientViewRequest(
  cds: CdsStack,
  who: Persona,
  overrides: { userId?: string; prefetch?: Record<string, unknown> | undefined } = {},
): Record<string, unknown> {
  return {
    hook: 'patient-view',
    hookInstance: crypto.randomUUID(),
    fhirServer: cds.fhirServer,
    context: {
      userId: overrides.userId ?? 'Practitioner/test-clinician',
      patientId: who.id,
      encounterId: who.encounterId,
    },
    ...('prefetch' in overrides
      ? overrides.prefetch && { prefetch: overrides.prefetch }
      : { prefetch: personaPrefetch(who) }),
  };
}
