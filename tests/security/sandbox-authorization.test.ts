import { afterAll, beforeAll, expect, test } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { authorize, exchangeCode, makePkce, type Pkce } from '../support/smart-client';

let stack: Stack;
const clientId = 'chartside-sandbox';
let redirectUri: string;

beforeAll(async () => {
  stack = await startStack();
  redirectUri = `${stack.appUrl}/app/`;
});
afterAll(() => stack.close());

async function launchAndAuthorize(
  pkce: Pkce,
  scope = 'launch openid fhirUser patient/*.rs',
): Promise<string> {
  const patient = stack.sandbox.patients[0]!;
  const launchResponse = await fetch(`${stack.sandbox.urls.fhirBaseUrl}/_services/smart/Launch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      launchUrl: `${stack.appUrl}/launch`,
      parameters: {
        patient: patient.id,
        encounter: patient.encounterId,
        practitioner: stack.sandbox.practitioners[0]!.id,
      },
    }),
  });
  const { launch_id } = (await launchResponse.json()) as { launch_id: string };
  const redirect = await authorize({
    authorizeUrl: `${stack.sandbox.urls.oidcIssuer}/authorize`,
    clientId,
    redirectUri,
    aud: stack.sandbox.urls.fhirBaseUrl,
    scope,
    launch: launch_id,
    pkce,
  });
  const code = redirect.searchParams.get('code');
  if (code === null) throw new Error(`no code: ${redirect.toString()}`);
  return code;
}

const tokenUrl = (): string => `${stack.sandbox.urls.oidcIssuer}/token`;

test('a correct PKCE verifier gets tokens with the launch context', async () => {
  const pkce = makePkce();
  const code = await launchAndAuthorize(pkce);
  const { status, body } = await exchangeCode(tokenUrl(), {
    code,
    verifier: pkce.verifier,
    clientId,
    redirectUri,
  });
  expect(status).toBe(200);
  expect(body.patient).toBe(stack.sandbox.patients[0]!.id);
  expect(body.encounter).toBe(stack.sandbox.patients[0]!.encounterId);
  expect(body.need_patient_banner).toBe(true);
  expect(typeof body.id_token).toBe('string');
});

test('the sandbox rejects a wrong PKCE verifier', async () => {
  const pkce = makePkce();
  const code = await launchAndAuthorize(pkce);
  const { status, body } = await exchangeCode(tokenUrl(), {
    code,
    verifier: makePkce().verifier,
    clientId,
    redirectUri,
  });
  expect(status).toBe(400);
  expect(body).toEqual({ error: 'invalid_grant', error_description: 'PKCE verification failed' });
});

test('the sandbox rejects a code used a second time', async () => {
  const pkce = makePkce();
  const code = await launchAndAuthorize(pkce);
  const first = await exchangeCode(tokenUrl(), {
    code,
    verifier: pkce.verifier,
    clientId,
    redirectUri,
  });
  expect(first.status).toBe(200);
  const second = await exchangeCode(tokenUrl(), {
    code,
    verifier: pkce.verifier,
    clientId,
    redirectUri,
  });
  expect(second.status).toBe(400);
  expect(second.body.error).toBe('invalid_grant');
  expect(second.body.error_description).toMatch(/already used/);
});

test('the sandbox rejects a code redeemed with another redirect URI', async () => {
  const pkce = makePkce();
  const code = await launchAndAuthorize(pkce);
  const { status, body } = await exchangeCode(tokenUrl(), {
    code,
    verifier: pkce.verifier,
    clientId,
    redirectUri: 'https://attacker.example/app/',
  });
  expect(status).toBe(400);
  expect(body.error).toBe('invalid_grant');
});

test('authorize never redirects to an unregistered redirect URI', async () => {
  const url = new URL(`${stack.sandbox.urls.oidcIssuer}/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: 'https://attacker.example/callback',
    scope: 'launch',
    aud: stack.sandbox.urls.fhirBaseUrl,
    state: 's',
    code_challenge: makePkce().challenge,
    code_challenge_method: 'S256',
  }).toString();
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(400);
  expect(response.headers.get('location')).toBeNull();
  expect(await response.text()).toContain('Redirect URI not registered');
});

test('authorize refuses a request without PKCE', async () => {
  const url = new URL(`${stack.sandbox.urls.oidcIssuer}/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'launch',
    aud: stack.sandbox.urls.fhirBaseUrl,
    state: 's',
  }).toString();
  const response = await fetch(url, { redirect: 'manual' });
  const location = new URL(response.headers.get('location')!);
  expect(location.searchParams.get('error')).toBe('invalid_request');
  expect(location.searchParams.get('error_description')).toBe('PKCE with S256 is required');
  expect(location.searchParams.has('code')).toBe(false);
});

test('the FHIR server confines a patient-level token to its patient', async () => {
  const pkce = makePkce();
  const code = await launchAndAuthorize(pkce);
  const { body } = await exchangeCode(tokenUrl(), {
    code,
    verifier: pkce.verifier,
    clientId,
    redirectUri,
  });
  const headers = { authorization: `Bearer ${String(body.access_token)}` };
  const own = stack.sandbox.patients[0]!.id;
  const other = stack.sandbox.patients[1]!.id;
  const base = stack.sandbox.urls.fhirBaseUrl;
  expect((await fetch(`${base}/Patient/${own}`, { headers })).status).toBe(200);
  expect((await fetch(`${base}/Patient/${other}`, { headers })).status).toBe(404);
  expect((await fetch(`${base}/Condition?patient=${other}`, { headers })).status).toBe(403);
  const forged = `${String(body.access_token).slice(0, -4)}AAAA`;
  const response = await fetch(`${base}/Patient/${own}`, {
    headers: { authorization: `Bearer ${forged}` },
  });
  expect(response.status).toBe(401);
});
