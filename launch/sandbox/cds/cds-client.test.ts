import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { verifyAccessToken } from '../auth/access-token';
import { loadOrCreateSigningKey, type SigningKey } from '../auth/signing-key';
import { CdsClient } from './cds-client';
import { loadOrCreateCdsClientKey, type CdsClientKey } from './cds-client-key';
import type { FhirQuery } from './fill-prefetch';

const SANDBOX = 'http://sandbox.test';
const FHIR_BASE = `${SANDBOX}/fhir`;
const DISCOVERY = 'https://app.test/cds-services';
const SERVICE = `${DISCOVERY}/chartside-patient-view`;
const chart = { patientId: 'maria-santos', encounterId: 'enc-1', practitionerId: 'dr-ada' };
const card = {
  uuid: '5b0f1a5e-8f0c-4c6b-9d7e-2f3f7f0a1b2c',
  summary: 'Sepsis: lactate 4.1 mmol/L today',
  indicator: 'warning',
  source: { label: 'Chartside', topic: { code: 'sepsis' } },
  links: [{ label: 'Open case', url: 'https://app.test/launch', type: 'smart', appContext: '{}' }],
};
const discovery = {
  services: [
    {
      id: 'chartside-patient-view',
      hook: 'patient-view',
      title: 'Chartside',
      description: 'Suggests a micro-case',
      prefetch: {
        patient: 'Patient/{{context.patientId}}',
        encounter: 'Encounter/{{context.encounterId}}',
      },
    },
    { id: 'chartside-order-select', hook: 'order-select', description: 'Not called here' },
  ],
};

interface Seen {
  url: string;
  authorization: string;
  body: unknown;
}
const seen: Seen[] = [];
const record = async (request: Request): Promise<void> => {
  const body: unknown = request.method === 'POST' ? await request.json() : undefined;
  seen.push({ url: request.url, authorization: request.headers.get('authorization') ?? '', body });
};
const server = setupServer(
  http.get(DISCOVERY, async ({ request }) => {
    await record(request);
    return HttpResponse.json(discovery);
  }),
  http.post(SERVICE, async ({ request }) => {
    await record(request);
    return HttpResponse.json({ cards: [card] });
  }),
  http.post(`${SERVICE}/feedback`, async ({ request }) => {
    await record(request);
    return HttpResponse.json({});
  }),
);

let dataDir: string;
let key: CdsClientKey;
let signingKey: SigningKey;
const logged: string[] = [];
const fhirQuery = (): FhirQuery => (url) =>
  Promise.resolve(
    url === 'Patient/maria-santos'
      ? { status: 'ok', resource: { resourceType: 'Patient', id: 'maria-santos' } }
      : { status: 'not-found' },
  );
const client = (timeoutMs = 2000) =>
  new CdsClient({
    key,
    issuer: SANDBOX,
    discoveryUrl: DISCOVERY,
    fhirBaseUrl: FHIR_BASE,
    signingKey,
    timeoutMs,
    fhirQuery,
    log: (line) => logged.push(line),
  });

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  dataDir = mkdtempSync(join(tmpdir(), 'sandbox-cds-client-'));
  [key, signingKey] = await Promise.all([
    loadOrCreateCdsClientKey(dataDir),
    loadOrCreateSigningKey(dataDir, 'test-signing-key'),
  ]);
});
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
  logged.length = 0;
});
afterAll(() => {
  server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const verifyCall = async ({ url, authorization }: Seen): Promise<JWTPayload> => {
  const jwt = authorization.replace(/^Bearer /, '');
  const { payload } = await jwtVerify(jwt, createLocalJWKSet({ keys: [key.publicJwk] }), {
    issuer: SANDBOX,
    audience: url,
    algorithms: ['ES384'],
  });
  return payload;
};

test('patient-view is called with its context, the filled prefetch and a patient-scoped token', async () => {
  const result = await client().callPatientView(chart);
  expect(result).toEqual({
    status: 'ok',
    cards: [{ serviceId: 'chartside-patient-view', card }],
  });
  const call = seen.find((s) => s.url === SERVICE)!;
  const body = call.body as Record<string, unknown>;
  expect(body).toMatchObject({
    hook: 'patient-view',
    fhirServer: FHIR_BASE,
    context: { userId: 'Practitioner/dr-ada', patientId: 'maria-santos', encounterId: 'enc-1' },
    prefetch: { patient: { resourceType: 'Patient', id: 'maria-santos' }, encounter: null },
    fhirAuthorization: {
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'patient/*.rs user/Practitioner.rs',
      subject: 'chartside-cds-services',
    },
  });
  expect(body.hookInstance).toMatch(/^[0-9a-f-]{36}$/);
  const { access_token } = body.fhirAuthorization as { access_token: string };
  const claims = await verifyAccessToken(signingKey, FHIR_BASE, access_token);
  expect(claims).toMatchObject({ patient: 'maria-santos', sub: 'Practitioner/dr-ada' });
});

test('every request carries an ES384 JWT for the exact URL called, each with its own jti', async () => {
  const cds = client();
  await cds.callPatientView(chart);
  await cds.sendFeedback('chartside-patient-view', [
    { card: card.uuid, outcome: 'accepted', outcomeTimestamp: new Date().toISOString() },
  ]);
  expect(seen.map((s) => s.url)).toEqual([DISCOVERY, SERVICE, `${SERVICE}/feedback`]);
  const payloads = await Promise.all(seen.map(verifyCall));
  expect(new Set(payloads.map((p) => p.jti)).size).toBe(3);
});

test('discovery is asked once and reused for the next chart', async () => {
  const cds = client();
  await cds.callPatientView(chart);
  await cds.callPatientView({ ...chart, patientId: 'robert-chen' });
  expect(seen.filter((s) => s.url === DISCOVERY)).toHaveLength(1);
  expect(seen.filter((s) => s.url === SERVICE)).toHaveLength(2);
});

test('a service that does not answer in time leaves the chart without suggestions', async () => {
  server.use(http.post(SERVICE, () => delay('infinite')));
  expect(await client(200).callPatientView(chart)).toEqual({ status: 'unavailable' });
  expect(logged).toEqual(['CDS client: patient-view unavailable: timed out']);
});

test('an error status or a response without cards is unavailable, and the log names no patient', async () => {
  server.use(http.post(SERVICE, () => HttpResponse.json({ error: 'boom' }, { status: 500 })));
  expect(await client().callPatientView(chart)).toEqual({ status: 'unavailable' });
  server.use(http.post(SERVICE, () => HttpResponse.json({ suggestions: [] })));
  expect(await client().callPatientView(chart)).toEqual({ status: 'unavailable' });
  expect(logged).toEqual([
    'CDS client: patient-view unavailable: chartside-patient-view answered 500',
    'CDS client: patient-view unavailable: chartside-patient-view response does not parse',
  ]);
  expect(logged.join(' ')).not.toContain('maria-santos');
});

test('a discovery document that does not parse is unavailable', async () => {
  server.use(
    http.get(DISCOVERY, () => HttpResponse.json({ services: [{ hook: 'patient-view' }] })),
  );
  expect(await client().callPatientView(chart)).toEqual({ status: 'unavailable' });
});

test('a card that does not parse is dropped and the others are kept', async () => {
  const scripted = {
    ...card,
    uuid: 'b',
    links: [{ label: 'x', url: 'javascript:alert(1)', type: 'absolute' }],
  };
  const long = { ...card, uuid: 'c', summary: 'x'.repeat(141) };
  server.use(http.post(SERVICE, () => HttpResponse.json({ cards: [scripted, card, long] })));
  const result = await client().callPatientView(chart);
  expect(result).toEqual({ status: 'ok', cards: [{ serviceId: 'chartside-patient-view', card }] });
  expect(logged).toEqual(['CDS client: chartside-patient-view: 2 card(s) did not parse']);
});

test('feedback is posted to the service feedback URL, and a refusal is reported as not sent', async () => {
  const entry = {
    card: card.uuid,
    outcome: 'overridden' as const,
    overrideReason: {
      reason: { code: 'not-relevant', system: 'urn:test', display: 'Not relevant' },
    },
    outcomeTimestamp: '2026-11-26T12:00:00.000Z',
  };
  expect(await client().sendFeedback('chartside-patient-view', [entry])).toBe(true);
  expect(seen[0]?.body).toEqual({ feedback: [entry] });
  server.use(http.post(`${SERVICE}/feedback`, () => new HttpResponse(null, { status: 401 })));
  expect(await client().sendFeedback('chartside-patient-view', [entry])).toBe(false);
});
