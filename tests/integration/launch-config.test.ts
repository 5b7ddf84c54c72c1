import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartside-tenants-'));
  const tenantsFile = join(dir, 'tenants.json');
  writeFileSync(
    tenantsFile,
    JSON.stringify({
      tenants: [
        {
          iss: 'https://ehr.example.org/fhir/',
          name: 'Example Health',
          vendor: 'epic',
          clientId: 'chartside-prod',
          scope: 'launch openid fhirUser patient/Patient.read',
          frameOrigins: ['https://ehr.example.org'],
        },
        {
          iss: 'https://old.example.org/fhir',
          name: 'Retired EHR',
          clientId: 'chartside-old',
          scope: 'launch',
          status: 'disabled',
        },
      ],
    }),
  );
  stack = await startStack({ env: { TENANTS_FILE: tenantsFile } });
});
afterAll(async () => {
  await stack.close();
  rmSync(dir, { recursive: true, force: true });
});

async function launchConfig(iss: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${stack.appUrl}/api/launch-config?iss=${encodeURIComponent(iss)}`);
  return { status: response.status, body: await response.json() };
}

test('a registered EHR gets its client id, scope and the exact redirect URI', async () => {
  expect(await launchConfig('https://ehr.example.org/fhir')).toEqual({
    status: 200,
    body: {
      iss: 'https://ehr.example.org/fhir',
      clientId: 'chartside-prod',
      scope: 'launch openid fhirUser patient/Patient.read',
      redirectUri: `${stack.appUrl}/app/`,
    },
  });
});

test('the sandbox registers itself when it runs', async () => {
  const { status, body } = await launchConfig(stack.sandbox.urls.fhirBaseUrl);
  expect(status).toBe(200);
  expect(body).toMatchObject({ clientId: 'chartside-sandbox' });
});

test('an unregistered EHR gets a 404 OperationOutcome with a stable code', async () => {
  const { status, body } = await launchConfig('https://evil.example/fhir');
  expect(status).toBe(404);
  expect(body).toMatchObject({
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code: 'not-found',
        details: {
          coding: [{ code: 'TENANT_NOT_REGISTERED' }],
          text: 'This EHR is not registered with Chartside',
        },
        expression: ['iss'],
      },
    ],
  });
});

test('a disabled EHR is refused like an unregistered one', async () => {
  const { status, body } = await launchConfig('https://old.example.org/fhir');
  expect(status).toBe(404);
  expect(JSON.stringify(body)).toContain('TENANT_DISABLED');
});

test('a missing iss is a 400 naming the parameter', async () => {
  const response = await fetch(`${stack.appUrl}/api/launch-config`);
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({
    issue: [{ details: { coding: [{ code: 'REQUEST_INVALID' }] }, expression: ['iss'] }],
  });
});

test('app pages may be framed only by registered EHR origins', async () => {
  const response = await fetch(`${stack.appUrl}/launch`);
  const csp = response.headers.get('content-security-policy') ?? '';
  const frameAncestors = csp.split(';').find((d) => d.trim().startsWith('frame-ancestors'));
  expect(frameAncestors?.trim().split(/\s+/).slice(1).sort()).toEqual(
    ['https://ehr.example.org', new URL(stack.sandboxUrl).origin].sort(),
  );
  expect(response.headers.get('x-frame-options')).toBeNull();
  const api = await fetch(`${stack.appUrl}/healthz`);
  expect(api.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
});
