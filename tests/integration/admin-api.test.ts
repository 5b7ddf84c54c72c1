import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  adminTenantListSchema,
  auditLogSchema,
  registrationSheetSchema,
  tenantSavedSchema,
} from '../../core/wire/admin';
import {
  ADMIN_TOKEN,
  adminFetch,
  closeServer,
  completeDiscovery,
  extraApp,
  outcome,
  startDiscoveryServer,
  startSecondSandbox,
  type SecondSandbox,
} from '../support/admin-stack';
import { freePort } from '../support/processes';
import { authorize, exchangeCode, makePkce } from '../support/smart-client';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let second: SecondSandbox;
let crafted: Awaited<ReturnType<typeof startDiscoveryServer>>;
const extra: Server[] = [];

beforeAll(async () => {
  stack = await startStack({ env: { ADMIN_TOKEN } });
  second = await startSecondSandbox(stack.appUrl);
  crafted = await startDiscoveryServer((base) => ({
    epic: completeDiscovery(base, 'epic'),
    weak: {
      ...completeDiscovery(base, 'weak'),
      code_challenge_methods_supported: ['plain'],
      capabilities: [
        'client-public',
        'context-ehr-encounter',
        'sso-openid-connect',
        'permission-v2',
      ],
    },
    'bad-jwks': { ...completeDiscovery(base, 'bad-jwks'), jwks_uri: 'jwks at /keys' },
    narrow: { ...completeDiscovery(base, 'narrow'), scopes_supported: ['launch', 'openid'] },
  }));
});
afterAll(async () => {
  for (const server of extra) await closeServer(server);
  await crafted.close();
  await second.close();
  await stack.close();
});

async function counts(): Promise<{ tenants: number; audit: number }> {
  const tenants = await stack.tenants.list();
  const audit = await stack.db.selectFrom('admin_audit').selectAll().execute();
  return { tenants: tenants.length, audit: audit.length };
}

async function addTenant(body: Record<string, unknown>, actor?: string) {
  const response = await adminFetch(stack.appUrl, '/tenants', { method: 'POST', body, actor });
  expect(response.status, await response.clone().text()).toBe(201);
  return tenantSavedSchema.parse(await response.json());
}

test('without ADMIN_TOKEN the admin API is off: 404 even with a token', async () => {
  const off = await extraApp(stack, {});
  extra.push(off.server);
  expect(await outcome(await adminFetch(off.url, '/tenants'))).toEqual([
    404,
    'NOT_FOUND',
    'No such API endpoint',
  ]);
});

test('a wrong or missing token is refused with 401 and nothing is listed', async () => {
  for (const token of ['wrong', `${ADMIN_TOKEN}x`, ADMIN_TOKEN.slice(0, -1), '']) {
    expect(await outcome(await adminFetch(stack.appUrl, '/tenants', { token }))).toEqual([
      401,
      'SESSION_INVALID',
      'An administrator token is required',
    ]);
  }
  const listed = await adminFetch(stack.appUrl, '/tenants');
  expect(listed.status).toBe(200);
  const { tenants } = adminTenantListSchema.parse(await listed.json());
  expect(tenants.map((t) => t.iss)).toEqual([stack.sandbox.urls.fhirBaseUrl]);
});

test('a second EHR added by its FHIR base gets its discovery, and its clinicians can sign in', async () => {
  const { tenant, warnings } = await addTenant(
    {
      iss: second.sandbox.urls.fhirBaseUrl,
      name: 'Second Health',
      vendor: 'smart-sandbox',
      clientId: second.clientId,
      frameOrigins: [second.url],
    },
    'Dana Analyst',
  );
  expect(warnings).toEqual([]);
  expect(tenant.discovery).toMatchObject({
    issuer: second.sandbox.urls.oidcIssuer,
    jwksUri: `${second.sandbox.urls.oidcIssuer}/jwks`,
    authorizationEndpoint: `${second.sandbox.urls.oidcIssuer}/authorize`,
    codeChallengeMethods: ['S256'],
  });
  expect(tenant.discovery?.capabilities).toContain('launch-ehr');
  const listed = adminTenantListSchema.parse(
    await (await adminFetch(stack.appUrl, '/tenants')).json(),
  );
  expect(listed.tenants.find((t) => t.id === tenant.id)?.warnings).toEqual([]);

  const config = await fetch(
    `${stack.appUrl}/api/launch-config?iss=${encodeURIComponent(tenant.iss)}`,
  );
  expect(await config.json()).toMatchObject({ clientId: second.clientId });

  // A whole EHR launch at the second EHR, then sign-in with its id_token.
  const launch = (await (
    await fetch(`${tenant.iss}/_services/smart/Launch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        launchUrl: `${stack.appUrl}/launch`,
        parameters: { patient: 'maria-santos', practitioner: second.sandbox.practitioners[0]?.id },
      }),
    })
  ).json()) as { launch_id: string };
  const pkce = makePkce();
  const redirectUri = `${stack.appUrl}/app/`;
  const redirect = await authorize({
    authorizeUrl: `${second.sandbox.urls.oidcIssuer}/authorize`,
    clientId: second.clientId,
    redirectUri,
    aud: tenant.iss,
    scope: 'launch openid fhirUser patient/*.rs',
    launch: launch.launch_id,
    pkce,
  });
  const tokens = await exchangeCode(`${second.sandbox.urls.oidcIssuer}/token`, {
    code: redirect.searchParams.get('code') ?? '',
    verifier: pkce.verifier,
    clientId: second.clientId,
    redirectUri,
  });
  const session = await fetch(`${stack.appUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ iss: tenant.iss, idToken: tokens.body.id_token }),
  });
  expect(session.status).toBe(200);
});

test('a test launch checks discovery, keys, scopes and that the EHR knows our client id', async () => {
  const tenant = await stack.tenants.findByIss(second.sandbox.urls.fhirBaseUrl);
  const run = async () =>
    (await (
      await adminFetch(stack.appUrl, `/tenants/${tenant?.id}/test-launch`, { method: 'POST' })
    ).json()) as { ok: boolean; checks: { id: string; ok: boolean }[]; launchUrl: string };
  const passed = await run();
  expect(passed.checks.map((c) => [c.id, c.ok])).toEqual([
    ['status', true],
    ['discovery', true],
    ['jwks', true],
    ['scopes', true],
    ['authorize', true],
  ]);
  expect(passed.launchUrl).toBe(
    `${stack.appUrl}/launch?iss=${encodeURIComponent(second.sandbox.urls.fhirBaseUrl)}`,
  );
  await adminFetch(stack.appUrl, `/tenants/${tenant?.id}`, {
    method: 'PATCH',
    body: { clientId: 'not-registered-there' },
  });
  const failed = await run();
  expect(failed.ok).toBe(false);
  expect(failed.checks.find((c) => c.id === 'authorize')?.ok).toBe(false);
  await adminFetch(stack.appUrl, `/tenants/${tenant?.id}`, {
    method: 'PATCH',
    body: { clientId: second.clientId },
  });
});

test('a discovery without S256 or launch-ehr is previewed and saved with those warnings', async () => {
  const iss = `${crafted.base}/weak/fhir`;
  const before = await counts();
  const preview = await adminFetch(
    stack.appUrl,
    `/smart-configuration?iss=${encodeURIComponent(iss)}`,
  );
  const expected = ['NO_PKCE_S256', 'NO_LAUNCH_EHR'];
  expect(
    ((await preview.json()) as { warnings: { code: string }[] }).warnings.map((w) => w.code),
  ).toEqual(expected);
  expect(await counts()).toEqual(before);
  const { warnings } = await addTenant({ iss, name: 'Weak EHR', clientId: 'weak' });
  expect(warnings.map((w) => w.code)).toEqual(expected);
});

test('every bad input is refused with a clear error, and nothing is saved or audited', async () => {
  const before = await counts();
  const production = await extraApp(stack, { ADMIN_TOKEN, NODE_ENV: 'production' });
  extra.push(production.server);
  const unreachable = `http://127.0.0.1:${await freePort()}/fhir`;
  const cases: [string, Record<string, unknown>, [number, string, string]][] = [
    [
      stack.appUrl,
      { iss: `${second.sandbox.urls.fhirBaseUrl}/`, name: 'Again', clientId: 'x' },
      [
        409,
        'TENANT_ALREADY_REGISTERED',
        `An EHR is already registered with the FHIR base ${second.sandbox.urls.fhirBaseUrl}; edit that tenant instead`,
      ],
    ],
    [
      stack.appUrl,
      { iss: unreachable, name: 'Down', clientId: 'x' },
      [
        422,
        'DISCOVERY_UNREACHABLE',
        `The SMART configuration at ${unreachable}/.well-known/smart-configuration could not be read (fetch failed). Check the FHIR base URL and that this server can reach it.`,
      ],
    ],
    [
      stack.appUrl,
      { iss: `${crafted.base}/bad-jwks/fhir`, name: 'Bad keys', clientId: 'x' },
      [
        422,
        'DISCOVERY_INVALID',
        "The SMART configuration's jwks_uri is not a usable URL: jwks at /keys",
      ],
    ],
    [
      production.url,
      { iss: `${crafted.base}/epic/fhir`, name: 'Plain http', clientId: 'x' },
      [
        400,
        'ISSUER_NOT_HTTPS',
        `The FHIR base must use https in production: ${crafted.base}/epic/fhir`,
      ],
    ],
    [
      stack.appUrl,
      {
        iss: `${crafted.base}/narrow/fhir`,
        name: 'Narrow',
        clientId: 'x',
        scope: 'launch openid patient/Observation.rs',
      },
      [422, 'SCOPE_NOT_SUPPORTED', 'The EHR does not support these scopes: patient/Observation.rs'],
    ],
  ];
  for (const [appUrl, body, expected] of cases) {
    expect(await outcome(await adminFetch(appUrl, '/tenants', { method: 'POST', body }))).toEqual(
      expected,
    );
  }
  const [status, code, text] = await outcome(
    await adminFetch(stack.appUrl, '/tenants', {
      method: 'POST',
      body: { iss: 'ftp://x', name: '' },
    }),
  );
  expect([status, code]).toEqual([400, 'REQUEST_INVALID']);
  expect(text).toContain('iss');
  expect(text).toContain('name');
  expect(await counts()).toEqual(before);
});

test('every change is in the audit log with who made it and when', async () => {
  const { tenant } = await addTenant(
    {
      iss: `${crafted.base}/epic/fhir`,
      name: 'Example Health',
      vendor: 'epic',
      clientId: 'cs-prod',
    },
    'Dana Analyst',
  );
  const path = `/tenants/${tenant.id}`;
  await adminFetch(stack.appUrl, path, {
    method: 'PATCH',
    body: { name: 'Example Health West' },
    actor: 'Lee',
  });
  await adminFetch(stack.appUrl, `${path}/disable`, { method: 'POST' });
  await adminFetch(stack.appUrl, `${path}/enable`, { method: 'POST', actor: 'Lee' });
  const log = auditLogSchema.parse(
    await (await adminFetch(stack.appUrl, `/audit?tenantId=${tenant.id}`)).json(),
  );
  expect(log.entries.map((e) => [e.action, e.actor]).reverse()).toEqual([
    ['tenant.created', 'api:Dana Analyst'],
    ['tenant.updated', 'api:Lee'],
    ['tenant.disabled', 'api:admin-token'],
    ['tenant.enabled', 'api:Lee'],
  ]);
  expect(log.entries[2]?.changes).toEqual({
    name: { from: 'Example Health', to: 'Example Health West' },
  });
});

test('the registration sheet of an Epic tenant has what the Epic portal asks for', async () => {
  const tenant = await stack.tenants.findByIss(`${crafted.base}/epic/fhir`);
  const sheet = registrationSheetSchema.parse(
    await (await adminFetch(stack.appUrl, `/tenants/${tenant?.id}/registration-sheet`)).json(),
  );
  const fields = Object.fromEntries(sheet.fields.map((f) => [f.id, f.value]));
  expect(fields).toMatchObject({
    launchUrl: `${stack.appUrl}/launch`,
    redirectUrl: `${stack.appUrl}/app/`,
    jwksUrl: `${stack.appUrl}/.well-known/jwks.json`,
    cdsDiscoveryUrl: `${stack.appUrl}/cds-services`,
    logoUrl: `${stack.appUrl}/logo.svg`,
    smartVersion: 'SMART v2',
    confidential: 'No',
  });
  const logo = await fetch(fields.logoUrl ?? '');
  expect([logo.status, logo.headers.get('content-type')]).toEqual([
    200,
    'image/svg+xml; charset=utf-8',
  ]);
});
