import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadOrCreateSigningKey, type SigningKey } from '../../launch/sandbox/auth/signing-key';
import { createSandbox } from '../../launch/sandbox/sandbox-app';
import { loadSandboxConfig } from '../../launch/sandbox/sandbox-config';
import { sandboxRegistration } from '../../server/tenants/register-tenants';
import { launchTokens } from '../support/smart-client';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let sandboxKey: SigningKey;
let otherEhr: Server;
let otherIss: string;

beforeAll(async () => {
  stack = await startStack();
  sandboxKey = await loadOrCreateSigningKey(stack.dataDir, 'sandbox-ehr-signing-key');
  // A second EHR with its own keys, registered as another tenant of the same app.
  otherEhr = createServer();
  await new Promise<void>((resolve) => otherEhr.listen(0, '127.0.0.1', resolve));
  const otherUrl = `http://localhost:${(otherEhr.address() as AddressInfo).port}`;
  const other = await createSandbox(
    loadSandboxConfig({
      SANDBOX_PUBLIC_URL: otherUrl,
      PUBLIC_URL: stack.appUrl,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ehr-b-')),
    }),
  );
  otherEhr.on('request', other.app);
  otherIss = other.urls.fhirBaseUrl;
  await stack.tenants.upsert({
    ...sandboxRegistration({ publicUrl: otherUrl, clientId: 'chartside-sandbox' }),
    name: 'Other EHR',
  });
});
afterAll(async () => {
  otherEhr.closeAllConnections();
  await new Promise((resolve) => otherEhr.close(resolve));
  await stack.close();
});

async function postSession(
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${stack.appUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const errorCode = (body: Record<string, unknown>): unknown =>
  (body as { issue: { details: { coding: { code: string }[] } }[] }).issue[0]?.details.coding[0]
    ?.code;

/** An id_token signed with the sandbox's real key, with claims to vary. */
async function sandboxIdToken(claims: JWTPayload, header: { alg?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ fhirUser: `${stack.sandbox.urls.fhirBaseUrl}/Practitioner/x`, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: sandboxKey.kid, ...header })
    .setIssuer(claims.iss ?? stack.sandbox.urls.oidcIssuer)
    .setSubject('x')
    .setAudience((claims.aud as string | undefined) ?? 'chartside-sandbox')
    .setIssuedAt(now - 10)
    .setExpirationTime(claims.exp ?? now + 600)
    .sign(sandboxKey.privateKey);
}

test('a real EHR launch id_token becomes a session token that the API accepts', async () => {
  const practitioner = stack.sandbox.practitioners[0]!.id!;
  const { body: tokens } = await launchTokens(stack.sandbox, stack.appUrl, {
    patient: 'maria-santos',
    practitioner,
  });
  const { status, body } = await postSession({
    iss: stack.sandbox.urls.fhirBaseUrl,
    idToken: tokens.id_token,
  });
  expect(status).toBe(200);
  expect(body.fhirUser).toBe(`${stack.sandbox.urls.fhirBaseUrl}/Practitioner/${practitioner}`);
  expect(Date.parse(String(body.expiresAt))).toBeGreaterThan(Date.now());
  const me = await fetch(`${stack.appUrl}/api/session`, {
    headers: { authorization: `Bearer ${String(body.sessionToken)}` },
  });
  expect(await me.json()).toEqual({
    fhirUser: body.fhirUser,
    tenant: { name: 'Chartside sandbox EHR', iss: stack.sandbox.urls.fhirBaseUrl },
  });
});

test('a relative fhirUser is resolved against the FHIR base', async () => {
  const { body } = await postSession({
    iss: stack.sandbox.urls.fhirBaseUrl,
    idToken: await sandboxIdToken({ fhirUser: 'Practitioner/rel' }),
  });
  expect(body.fhirUser).toBe(`${stack.sandbox.urls.fhirBaseUrl}/Practitioner/rel`);
});

test.each([
  ['expired', () => sandboxIdToken({ exp: Math.floor(Date.now() / 1000) - 300 })],
  ['for another client', () => sandboxIdToken({ aud: 'someone-else' })],
  ['from another issuer', () => sandboxIdToken({ iss: 'https://evil.example/auth' })],
  [
    'forged with another key under the same kid',
    async () => {
      const { privateKey } = await generateKeyPair('RS256');
      return new SignJWT({ fhirUser: 'Practitioner/x' })
        .setProtectedHeader({ alg: 'RS256', kid: sandboxKey.kid })
        .setIssuer(stack.sandbox.urls.oidcIssuer)
        .setSubject('x')
        .setAudience('chartside-sandbox')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    },
  ],
  [
    'unsigned (alg none)',
    () =>
      Promise.resolve(
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: stack.sandbox.urls.oidcIssuer, aud: 'chartside-sandbox', sub: 'x', fhirUser: 'Practitioner/x', exp: 9e9, iat: 1 })).toString('base64url')}.`,
      ),
  ],
])('an id_token %s is refused with SMART_ID_TOKEN_INVALID', async (_label, make) => {
  const { status, body } = await postSession({
    iss: stack.sandbox.urls.fhirBaseUrl,
    idToken: await make(),
  });
  expect(status).toBe(401);
  expect(errorCode(body)).toBe('SMART_ID_TOKEN_INVALID');
  expect(body).not.toHaveProperty('sessionToken');
});

test('an id_token from one EHR presented as another tenant is refused', async () => {
  const { status, body } = await postSession({ iss: otherIss, idToken: await sandboxIdToken({}) });
  expect(status).toBe(401);
  expect(errorCode(body)).toBe('SMART_ID_TOKEN_INVALID');
});

test('an id_token without fhirUser is refused with FHIR_USER_MISSING', async () => {
  const { body } = await postSession({
    iss: stack.sandbox.urls.fhirBaseUrl,
    idToken: await sandboxIdToken({ fhirUser: undefined }),
  });
  expect(errorCode(body)).toBe('FHIR_USER_MISSING');
});

test('an unregistered iss and a malformed body are refused with stable codes', async () => {
  const unregistered = await postSession({
    iss: 'https://evil.example/fhir',
    idToken: await sandboxIdToken({}),
  });
  expect([unregistered.status, errorCode(unregistered.body)]).toEqual([
    401,
    'TENANT_NOT_REGISTERED',
  ]);
  const malformed = await postSession({ iss: 'not a url', idToken: 'x' });
  expect([malformed.status, errorCode(malformed.body)]).toEqual([400, 'REQUEST_INVALID']);
  expect((malformed.body as { issue: { expression: string[] }[] }).issue[0]?.expression).toEqual([
    'iss',
  ]);
  const notJson = await postSession('{"iss":');
  expect([notJson.status, errorCode(notJson.body)]).toEqual([400, 'REQUEST_INVALID']);
});

test('a session token signed by another key, or of a disabled tenant, is refused', async () => {
  const { privateKey } = await generateKeyPair('ES256');
  const forged = await new SignJWT({ tenant: 'x' })
    .setProtectedHeader({ alg: 'ES256', typ: 'chartside-session+jwt' })
    .setIssuer(stack.appUrl)
    .setAudience(`${stack.appUrl}/api`)
    .setSubject('https://evil.example/Practitioner/1')
    .setExpirationTime('5m')
    .sign(privateKey);
  const forgedResponse = await fetch(`${stack.appUrl}/api/session`, {
    headers: { authorization: `Bearer ${forged}` },
  });
  expect([
    forgedResponse.status,
    errorCode((await forgedResponse.json()) as Record<string, unknown>),
  ]).toEqual([401, 'SESSION_INVALID']);
});

test('disabling a tenant ends its sessions at once', async () => {
  const { body: tokens } = await launchTokens(stack.sandbox, stack.appUrl, {
    patient: 'maria-santos',
    practitioner: stack.sandbox.practitioners[0]!.id!,
  });
  const { body } = await postSession({
    iss: stack.sandbox.urls.fhirBaseUrl,
    idToken: tokens.id_token,
  });
  const headers = { authorization: `Bearer ${String(body.sessionToken)}` };
  const registration = (await stack.tenants.findByIss(stack.sandbox.urls.fhirBaseUrl))!;
  await stack.tenants.upsert({ ...registration, status: 'disabled' });
  try {
    const response = await fetch(`${stack.appUrl}/api/session`, { headers });
    expect([
      response.status,
      errorCode((await response.json()) as Record<string, unknown>),
    ]).toEqual([401, 'TENANT_DISABLED']);
  } finally {
    await stack.tenants.upsert({ ...registration, status: 'active' });
  }
});
