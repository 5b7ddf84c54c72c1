import { decodeJwt } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { exchangeCode, makePkce } from '../support/smart-client';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
const clientId = 'chartside-sandbox';

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

function authorizeParams(scope: string, challenge: string, launch?: string): URLSearchParams {
  return new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: `${stack.appUrl}/app/`,
    scope,
    aud: stack.sandbox.urls.fhirBaseUrl,
    state: 'state-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(launch !== undefined && { launch }),
  });
}

test('a standalone launch shows a patient picker, then grants that patient', async () => {
  const pkce = makePkce();
  const params = authorizeParams('launch/patient openid fhirUser patient/*.rs', pkce.challenge);
  const picker = await fetch(`${stack.sandbox.urls.oidcIssuer}/authorize?${params.toString()}`);
  const page = await picker.text();
  expect(picker.status).toBe(200);
  expect(page).toContain('<select id="patient" name="patient"');
  expect(page).toContain('<select id="practitioner" name="practitioner"');

  const practitioner = stack.sandbox.practitioners[1]!.id!;
  params.set('patient', 'robert-chen');
  params.set('practitioner', practitioner);
  const chosen = await fetch(`${stack.sandbox.urls.oidcIssuer}/authorize`, {
    method: 'POST',
    body: params,
    redirect: 'manual',
  });
  const location = new URL(chosen.headers.get('location')!);
  expect(location.searchParams.get('state')).toBe('state-1');
  const { body } = await exchangeCode(`${stack.sandbox.urls.oidcIssuer}/token`, {
    code: location.searchParams.get('code')!,
    verifier: pkce.verifier,
    clientId,
    redirectUri: `${stack.appUrl}/app/`,
  });
  expect(body.patient).toBe('robert-chen');
  expect(body.encounter).toBeUndefined();
  const idToken = decodeJwt(String(body.id_token));
  expect(idToken).toMatchObject({
    iss: stack.sandbox.urls.oidcIssuer,
    aud: clientId,
    sub: practitioner,
    fhirUser: `${stack.sandbox.urls.fhirBaseUrl}/Practitioner/${practitioner}`,
  });
});

test('an EHR launch without a practitioner asks the user to sign in first', async () => {
  const launch = stack.sandbox.state.createLaunch({ patient: 'maria-santos' });
  const params = authorizeParams('launch openid fhirUser', makePkce().challenge, launch);
  const response = await fetch(`${stack.sandbox.urls.oidcIssuer}/authorize?${params.toString()}`);
  const page = await response.text();
  expect(page).toContain('Sandbox EHR sign-in');
  expect(page).not.toContain('name="patient"');
});

test('the token response carries the appContext of the launch', async () => {
  const pkce = makePkce();
  const appContext = JSON.stringify({ caseId: 'sepsis-hour-1' });
  const launch = stack.sandbox.state.createLaunch({
    patient: 'maria-santos',
    practitioner: stack.sandbox.practitioners[0]!.id!,
    appContext,
  });
  const params = authorizeParams('launch openid fhirUser', pkce.challenge, launch);
  const redirect = await fetch(`${stack.sandbox.urls.oidcIssuer}/authorize?${params.toString()}`, {
    redirect: 'manual',
  });
  const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
  const { body } = await exchangeCode(`${stack.sandbox.urls.oidcIssuer}/token`, {
    code,
    verifier: pkce.verifier,
    clientId,
    redirectUri: `${stack.appUrl}/app/`,
  });
  expect(body).toMatchObject({
    appContext,
    tenant: 'sandbox',
    need_patient_banner: true,
    token_type: 'Bearer',
  });
});

test('the launch API refuses an unknown patient', async () => {
  const response = await fetch(`${stack.sandbox.urls.fhirBaseUrl}/_services/smart/Launch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ parameters: { patient: 'nobody' } }),
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ issue: [{ code: 'not-found' }] });
});
