import { SignJWT } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CDS_SERVICE_IDS } from '../../../core/cds-hooks/service-ids';
import {
  callCds,
  patientViewRequest,
  persona,
  serviceUrl,
  signCdsJwt,
  startCdsStack,
  type CdsStack,
} from './cds-test-client';

let cds: CdsStack;
beforeAll(async () => {
  cds = await startCdsStack({ CDS_ALLOWED_ORIGINS: 'https://ehr.example.org' });
  const tenant = await cds.stack.tenants.upsert({
    iss: 'https://disabled-ehr.example.org/fhir',
    name: 'Disabled EHR',
    vendor: 'other',
    clientId: 'x',
    scope: 'launch',
    frameOrigins: [],
    cdsClients: [{ iss: 'https://disabled-ehr.example.org', jku: cds.jku, algorithms: ['ES384'] }],
    status: 'disabled',
  });
  expect(tenant.status).toBe('disabled');
});
afterAll(() => cds.close());

const id = CDS_SERVICE_IDS.patientView;
const now = (): number => Math.floor(Date.now() / 1000);
const unsigned = (header: object, payload: object): string =>
  `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

interface TrustCase {
  section: string;
  name: string;
  token: (url: string) => Promise<string | undefined>;
  status: 200 | 401;
}

/** CDS Hooks 2.0.1 §Trusting CDS Clients and §JWT Signing Algorithm, one row per rule. */
const CASES: TrustCase[] = [
  {
    section: '§Trusting CDS Clients',
    name: 'an ES384 JWT from a registered client is accepted',
    token: (url) => signCdsJwt(cds, { key: cds.keys.es384, aud: url }),
    status: 200,
  },
  {
    section: '§JWT Signing Algorithm',
    name: 'an RS384 JWT from a registered client is accepted',
    token: (url) => signCdsJwt(cds, { key: cds.keys.rs384, aud: url }),
    status: 200,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'aud as an array holding the endpoint URL is accepted',
    token: (url) => signCdsJwt(cds, { key: cds.keys.es384, aud: [url] }),
    status: 200,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'a 900-second lifetime (as Epic signs) is accepted',
    token: (url) =>
      signCdsJwt(cds, { key: cds.keys.es384, aud: url, iat: now(), exp: now() + 900 }),
    status: 200,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'an expired JWT is refused',
    token: (url) =>
      signCdsJwt(cds, { key: cds.keys.es384, aud: url, iat: now() - 600, exp: now() - 300 }),
    status: 401,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'a JWT whose lifetime exceeds an hour is refused',
    token: (url) =>
      signCdsJwt(cds, { key: cds.keys.es384, aud: url, iat: now(), exp: now() + 7200 }),
    status: 401,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'a JWT issued in the future is refused',
    token: (url) =>
      signCdsJwt(cds, { key: cds.keys.es384, aud: url, iat: now() + 86_400, exp: now() + 87_000 }),
    status: 401,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'a header typ other than JWT is refused',
    token: (url) => signCdsJwt(cds, { key: cds.keys.es384, aud: url, typ: 'at+jwt' }),
    status: 401,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'an aud on another host is refused',
    token: () =>
      signCdsJwt(cds, {
        key: cds.keys.es384,
        aud: `https://other.example.org/cds-services/${id}`,
      }),
    status: 401,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'the aud of another endpoint of this service is refused',
    token: () =>
      signCdsJwt(cds, { key: cds.keys.es384, aud: serviceUrl(cds, CDS_SERVICE_IDS.orderSelect) }),
    status: 401,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'the aud of this service’s feedback endpoint is refused on the service',
    token: () => signCdsJwt(cds, { key: cds.keys.es384, aud: serviceUrl(cds, id, true) }),
    status: 401,
  },
  {
    section: '§JWT Signing Algorithm',
    name: 'alg none is refused',
    token: (url) =>
      Promise.resolve(
        unsigned(
          { alg: 'none', typ: 'JWT', kid: cds.keys.es384.kid },
          {
            iss: 'https://cds-client.test',
            aud: url,
            iat: now(),
            exp: now() + 300,
            jti: crypto.randomUUID(),
          },
        ),
      ),
    status: 401,
  },
  {
    section: '§JWT Signing Algorithm',
    name: 'an HMAC (HS256) JWT is refused',
    token: (url) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: cds.keys.es384.kid })
        .setIssuer('https://cds-client.test')
        .setAudience(url)
        .setIssuedAt()
        .setExpirationTime('5m')
        .setJti(crypto.randomUUID())
        .sign(new TextEncoder().encode('a shared secret of at least 32 bytes!!')),
    status: 401,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'an unknown kid is refused',
    token: (url) => signCdsJwt(cds, { key: cds.keys.es384, aud: url, kid: 'no-such-key' }),
    status: 401,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'a jku that is not on the allow-list is refused',
    token: (url) =>
      signCdsJwt(cds, { key: cds.keys.es384, aud: url, jku: 'http://127.0.0.1:9/attacker.json' }),
    status: 401,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'a JWT without jku uses the registered JWKS URL',
    token: (url) => signCdsJwt(cds, { key: cds.keys.es384, aud: url, jku: null }),
    status: 200,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'an issuer no tenant registered is refused',
    token: (url) =>
      signCdsJwt(cds, { key: cds.keys.es384, aud: url, iss: 'https://stranger.example.org' }),
    status: 401,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'a client registered only on a disabled tenant is refused',
    token: (url) =>
      signCdsJwt(cds, { key: cds.keys.es384, aud: url, iss: 'https://disabled-ehr.example.org' }),
    status: 401,
  },
  {
    section: '§Trusting CDS Clients',
    name: 'a missing Authorization header is refused',
    token: () => Promise.resolve(undefined),
    status: 401,
  },
];

test.each(CASES.map((c) => [`${c.section}: ${c.name}`, c] as const))('%s', async (_name, c) => {
  const url = serviceUrl(cds, id);
  const token = await c.token(url);
  const who = persona(cds, 'sepsis');
  const body = JSON.stringify(patientViewRequest(cds, who));
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
    },
    body,
  });
  expect(response.status).toBe(c.status);
  if (c.status === 401) {
    expect(await response.text()).toBe('');
  } else {
    expect(((await response.json()) as { cards: unknown[] }).cards.length).toBeGreaterThan(0);
  }
});

test('§Trusting CDS Clients: a replayed jti is refused the second time', async () => {
  const who = persona(cds, 'sepsis');
  const token = await signCdsJwt(cds, { key: cds.keys.es384, aud: serviceUrl(cds, id) });
  const first = await callCds(cds, id, patientViewRequest(cds, who), { token });
  const second = await callCds(cds, id, patientViewRequest(cds, who), { token });
  expect([first.status, second.status]).toEqual([200, 401]);
});

test('§Trusting CDS Clients: a fhirServer other than the client’s tenant is refused', async () => {
  const who = persona(cds, 'sepsis');
  const body = {
    ...patientViewRequest(cds, who),
    fhirServer: 'https://other-ehr.example.org/fhir',
  };
  expect((await callCds(cds, id, body)).status).toBe(401);
});

test('§Trusting CDS Clients: a per-client aud base is honoured instead of PUBLIC_URL', async () => {
  const tenant = await cds.stack.tenants.findByIss(cds.fhirServer);
  if (!tenant) throw new Error('no sandbox tenant');
  const gateway = 'https://gateway.example.org/chartside';
  await cds.stack.tenants.upsert({
    ...tenant,
    cdsClients: tenant.cdsClients.map((c) =>
      c.iss === 'https://cds-client.test' ? { ...c, aud: gateway } : c,
    ),
  });
  try {
    const who = persona(cds, 'sepsis');
    const viaGateway = await signCdsJwt(cds, {
      key: cds.keys.es384,
      aud: `${gateway}/cds-services/${id}`,
    });
    const direct = await signCdsJwt(cds, { key: cds.keys.es384, aud: serviceUrl(cds, id) });
    const statuses = [
      (await callCds(cds, id, patientViewRequest(cds, who), { token: viaGateway })).status,
      (await callCds(cds, id, patientViewRequest(cds, who), { token: direct })).status,
    ];
    expect(statuses).toEqual([200, 401]);
  } finally {
    await cds.stack.tenants.upsert(tenant);
  }
});

test('§Cross-Origin Resource Sharing: a refused call still carries the CORS headers', async () => {
  const response = await fetch(serviceUrl(cds, id), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://ehr.example.org' },
    body: '{}',
  });
  expect(response.status).toBe(401);
  expect(response.headers.get('access-control-allow-origin')).toBe('https://ehr.example.org');
});
