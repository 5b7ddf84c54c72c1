import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Tenant } from '../tenants/tenant-store';
import { testLaunch } from './test-launch';

const ISS = 'https://ehr.test/fhir';
const PUBLIC_URL = 'https://chartside.test';
const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

const tenant: Tenant = {
  id: 't1',
  iss: ISS,
  name: 'Example Health',
  vendor: 'epic',
  environment: 'production',
  clientId: 'chartside-prod',
  scope: 'launch openid fhirUser patient/Observation.rs',
  frameOrigins: [],
  cdsClients: [],
  status: 'active',
  createdAt: '2026-11-26T10:00:00.000Z',
  updatedAt: '2026-11-26T10:00:00.000Z',
};

function ehr(authorize: (url: URL) => Response): void {
  server.use(
    http.get(`${ISS}/.well-known/smart-configuration`, () =>
      HttpResponse.json({
        issuer: 'https://ehr.test/oidc',
        jwks_uri: 'https://ehr.test/oidc/jwks',
        authorization_endpoint: 'https://ehr.test/oidc/authorize',
        token_endpoint: 'https://ehr.test/oidc/token',
        scopes_supported: ['launch', 'launch/patient', 'openid', 'fhirUser', 'patient/*.rs'],
      }),
    ),
    http.get('https://ehr.test/oidc/jwks', () => HttpResponse.json({ keys: [{ kty: 'RSA' }] })),
    http.get('https://ehr.test/oidc/authorize', ({ request }) => authorize(new URL(request.url))),
  );
}

test('an EHR that sends the browser to its sign-in passes, asked as a standalone launch would be', async () => {
  let asked: URL | undefined;
  ehr((url) => {
    asked = url;
    return new Response(null, { status: 302, headers: { location: '/oidc/login' } });
  });
  const result = await testLaunch(tenant, { publicUrl: PUBLIC_URL, production: true });
  expect(result.ok).toBe(true);
  expect(result.checks.find((c) => c.id === 'authorize')?.detail).toBe(
    'The EHR asks the user to sign in: open the launch URL to finish.',
  );
  expect(Object.fromEntries(asked?.searchParams ?? [])).toMatchObject({
    client_id: 'chartside-prod',
    redirect_uri: `${PUBLIC_URL}/app/`,
    aud: ISS,
    scope: 'launch/patient openid fhirUser patient/Observation.rs',
    code_challenge_method: 'S256',
  });
});

test('an error redirected back to us fails the check with the EHR’s error code', async () => {
  ehr(
    () =>
      new Response(null, {
        status: 302,
        headers: { location: `${PUBLIC_URL}/app/?error=invalid_scope` },
      }),
  );
  const result = await testLaunch(tenant, { publicUrl: PUBLIC_URL, production: true });
  expect(result.checks.find((c) => c.id === 'authorize')).toMatchObject({
    ok: false,
    detail: 'The EHR accepted the client id but answered invalid_scope.',
  });
});

test('a disabled tenant and an unreadable discovery both fail, and the checks stop there', async () => {
  server.use(
    http.get(
      `${ISS}/.well-known/smart-configuration`,
      () => new HttpResponse(null, { status: 503 }),
    ),
  );
  const result = await testLaunch(
    { ...tenant, status: 'disabled' },
    { publicUrl: PUBLIC_URL, production: true },
  );
  expect(result.ok).toBe(false);
  expect(result.checks.map((c) => [c.id, c.ok])).toEqual([
    ['status', false],
    ['discovery', false],
  ]);
  expect(result.launchUrl).toBe(`${PUBLIC_URL}/launch?iss=${encodeURIComponent(ISS)}`);
});
