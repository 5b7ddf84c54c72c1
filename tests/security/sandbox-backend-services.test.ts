import type { Bundle, Observation } from 'fhir/r4';
import { base64url, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  ASSERTION_TYPE,
  makeKey,
  requestToken,
  signAssertion,
  startBackendSandbox,
  systemToken,
  type AssertionOptions,
  type BackendSandbox,
  type TestKey,
} from '../support/sandbox-backend-client';
import { launchTokens } from '../support/smart-client';

const JOB = 'outcomes-job';
const NARROW = 'observations-only';
const JOB_SCOPE = 'system/Patient.rs system/Observation.rs system/Condition.rs system/Group.rs';

let stack: BackendSandbox;
let es: TestKey;
let rs: TestKey;
let narrowKey: TestKey;

beforeAll(async () => {
  es = await makeKey('ES384');
  rs = await makeKey('RS384');
  narrowKey = await makeKey('ES384');
  stack = await startBackendSandbox([
    { clientId: JOB, scope: JOB_SCOPE, keys: [es, rs] },
    { clientId: NARROW, scope: 'system/Observation.rs', keys: [narrowKey] },
  ]);
});
afterAll(() => stack.close());

async function tokenRequest(
  assertion: Partial<AssertionOptions> = {},
  fields: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const signed = await signAssertion({ clientId: JOB, key: es, aud: stack.tokenUrl, ...assertion });
  return requestToken(stack.tokenUrl, {
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: signed,
    scope: 'system/Observation.rs',
    ...fields,
  });
}

function expectInvalidClient(
  result: { status: number; body: Record<string, unknown> },
  reason: RegExp,
): void {
  expect(result.status).toBe(401);
  expect(result.body.error).toBe('invalid_client');
  expect(result.body.error_description).toMatch(reason);
  expect(result.body.access_token).toBeUndefined();
}

test.each([
  ['ES384', () => es],
  ['RS384', () => rs],
])('a %s assertion from the registered key gets a short-lived system token', async (_alg, key) => {
  const { status, body } = await tokenRequest({ key: key() });
  expect(status).toBe(200);
  expect(body.token_type).toBe('bearer');
  expect(body.scope).toBe('system/Observation.rs');
  expect(typeof body.access_token).toBe('string');
  expect(body.expires_in).toBeGreaterThan(0);
  expect(body.expires_in).toBeLessThanOrEqual(300);
  expect(body.refresh_token).toBeUndefined();
});

test('the granted scope is what was asked narrowed to the registration', async () => {
  const narrowed = await tokenRequest(
    {},
    { scope: 'system/Patient.rs system/Observation.cruds system/Encounter.rs' },
  );
  expect(narrowed.status).toBe(200);
  expect(narrowed.body.scope).toBe('system/Patient.rs system/Observation.rs');
  const wildcard = await tokenRequest({}, { scope: 'system/*.read' });
  expect(wildcard.body.scope).toBe(JOB_SCOPE);
});

test('a key that is not the registered one is refused even under the registered kid', async () => {
  const impostor = await makeKey('ES384', es.kid);
  expectInvalidClient(await tokenRequest({ key: impostor }), /signature/);
});

test.each([
  ['an aud other than the token URL', { aud: 'http://localhost:1/fhir' }, /aud/],
  ['an expired assertion', { expiresIn: -60 }, /expired/],
  ['an exp ten minutes ahead', { expiresIn: 600 }, /five minutes/],
  ['an assertion without exp', { omitExp: true }, /exp/],
  ['an unknown client', { clientId: 'stranger' }, /not a registered backend client/],
  ['a missing kid', { header: { kid: undefined } }, /kid/],
  ['a typ other than JWT', { header: { typ: 'at+jwt' } }, /typ/],
  ['a jku off the registration', { header: { jku: 'http://localhost:1/jwks.json' } }, /jku/],
] as const)('the token endpoint refuses %s', async (_name, assertion, reason) => {
  expectInvalidClient(await tokenRequest(assertion), reason);
});

test('a client cannot sign for another client (sub must be iss)', async () => {
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: 'ES384', kid: narrowKey.kid, typ: 'JWT' })
    .setIssuer(NARROW)
    .setSubject(JOB)
    .setAudience(stack.tokenUrl)
    .setJti(crypto.randomUUID())
    .setExpirationTime('4m')
    .sign(narrowKey.privateKey);
  const result = await requestToken(stack.tokenUrl, {
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: assertion,
    scope: 'system/Observation.rs',
  });
  expectInvalidClient(result, /sub/);
});

test('a client_id other than the assertion’s client is refused', async () => {
  expectInvalidClient(await tokenRequest({}, { client_id: NARROW }), /client_id does not match/);
});

test('a replayed assertion is refused the second time', async () => {
  const assertion = await signAssertion({ clientId: JOB, key: es, aud: stack.tokenUrl });
  const fields = {
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: assertion,
    scope: 'system/Observation.rs',
  };
  expect((await requestToken(stack.tokenUrl, fields)).status).toBe(200);
  expectInvalidClient(await requestToken(stack.tokenUrl, fields), /jti was already used/);
});

test('alg none, HS256 with the public key as secret, and RS256 are refused', async () => {
  const claims = {
    iss: JOB,
    sub: JOB,
    aud: stack.tokenUrl,
    jti: crypto.randomUUID(),
    exp: Math.floor(Date.now() / 1000) + 120,
  };
  const encode = (value: object): string => base64url.encode(JSON.stringify(value));
  const unsigned = `${encode({ alg: 'none', kid: es.kid, typ: 'JWT' })}.${encode(claims)}.`;
  const hmac = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', kid: es.kid, typ: 'JWT' })
    .sign(new TextEncoder().encode(JSON.stringify(es.publicJwk)));
  const rs256 = await new SignJWT({ ...claims, jti: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'RS256', kid: rs.kid, typ: 'JWT' })
    .sign((await generateKeyPair('RS256')).privateKey);
  for (const assertion of [unsigned, hmac, rs256]) {
    const result = await requestToken(stack.tokenUrl, {
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: assertion,
      scope: 'system/Observation.rs',
    });
    expectInvalidClient(result, /alg .* is not accepted/);
  }
});

test('patient scopes and scopes outside the registration are invalid_scope', async () => {
  const patient = await tokenRequest({}, { scope: 'patient/Observation.rs' });
  expect(patient.status).toBe(400);
  expect(patient.body).toEqual({
    error: 'invalid_scope',
    error_description: 'Backend Services grants system/ scopes only, not patient/Observation.rs',
  });
  const mixed = await tokenRequest({}, { scope: 'system/Observation.rs user/Patient.rs' });
  expect(mixed.body.error).toBe('invalid_scope');
  const outside = await tokenRequest({}, { scope: 'system/Encounter.rs' });
  expect(outside.status).toBe(400);
  expect(outside.body.error).toBe('invalid_scope');
});

test('a request without the assertion type, or with another grant type, is refused', async () => {
  const assertion = await signAssertion({ clientId: JOB, key: es, aud: stack.tokenUrl });
  const untyped = await requestToken(stack.tokenUrl, {
    client_assertion: assertion,
    scope: 'system/Observation.rs',
  });
  expect(untyped.status).toBe(400);
  expect(untyped.body.error).toBe('invalid_request');
  expect(untyped.body.error_description).toMatch(/client_assertion_type/);
  const password = await requestToken(stack.tokenUrl, { grant_type: 'password' });
  expect(password).toEqual({
    status: 400,
    body: {
      error: 'unsupported_grant_type',
      error_description: 'Only authorization_code and client_credentials are supported',
    },
  });
});

test('discovery advertises Backend Services with asymmetric client authentication', async () => {
  const discovery = (await (
    await fetch(`${stack.fhirBaseUrl}/.well-known/smart-configuration`)
  ).json()) as Record<string, string[]>;
  expect(discovery.grant_types_supported).toEqual(['authorization_code', 'client_credentials']);
  expect(discovery.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
  expect(discovery.token_endpoint_auth_signing_alg_values_supported).toEqual(['RS384', 'ES384']);
  expect(discovery.capabilities).toContain('client-confidential-asymmetric');
  expect(discovery.scopes_supported).toContain('system/*.rs');
});

async function fhir(path: string, token: string): Promise<Response> {
  return fetch(`${stack.fhirBaseUrl}/${path}`, { headers: { authorization: `Bearer ${token}` } });
}

test('a system token searches across patients, within its types only', async () => {
  const token = await systemToken(stack, NARROW, narrowKey, 'system/Observation.rs');
  const search = await fhir('Observation?_count=200', token);
  expect(search.status).toBe(200);
  const bundle = (await search.json()) as Bundle;
  const subjects = new Set(
    (bundle.entry ?? []).map((e) => (e.resource as Observation).subject?.reference),
  );
  expect(subjects.size).toBeGreaterThan(1);
  const patient = stack.sandbox.patients[0]!.id;
  for (const path of [`Patient/${patient}`, `Patient?_id=${patient}`, 'Condition']) {
    const refused = await fhir(path, token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'forbidden' }],
    });
  }
});

test('a launch cannot obtain system scopes, nor use $export', async () => {
  const [mine, other] = stack.sandbox.patients;
  const { body, accessToken } = await launchTokens(
    stack.sandbox,
    'http://localhost:3999',
    { patient: mine!.id, practitioner: stack.sandbox.practitioners[0]!.id! },
    'launch openid fhirUser patient/*.rs system/*.rs',
  );
  expect(String(body.scope).split(' ')).not.toContain('system/*.rs');
  expect((await fhir(`Patient/${other!.id}`, accessToken)).status).toBe(404);
  const kickOff = await fetch(`${stack.fhirBaseUrl}/Patient/$export`, {
    headers: { authorization: `Bearer ${accessToken}`, prefer: 'respond-async' },
  });
  expect(kickOff.status).toBe(403);
  expect(kickOff.headers.get('content-location')).toBeNull();
  expect(await kickOff.json()).toMatchObject({
    issue: [{ code: 'forbidden', diagnostics: '$export needs a Backend Services (system) token' }],
  });
});
