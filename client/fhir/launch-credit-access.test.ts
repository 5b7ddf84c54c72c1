import type { fhirclient } from 'fhirclient/lib/types';
import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
import Client from 'fhirclient/lib/Client';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { refusal } from '../credits/test-support/credit-api';
import { launchCreditAccess } from './launch-credit-access';
import { ACCESS_TOKEN, FHIR_BASE, PATIENT_ID } from './test-support/fake-ehr';

const ID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJmaGlyVXNlciI6IlByYWN0aXRpb25lci9kci0xIn0.sig';
const NOW = Date.parse('2026-11-26T10:00:00Z');

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

/** A fhirclient Client as `ready()` builds it after the token response. */
function launchedClient(
  tokenResponse: fhirclient.TokenResponse = {},
  expiresAt = NOW / 1000 + 300,
): Client {
  return new Client(new BrowserAdapter(), {
    serverUrl: FHIR_BASE,
    clientId: 'chartside',
    tokenUri: 'https://ehr.test/oauth2/token',
    expiresAt,
    tokenResponse: {
      access_token: ACCESS_TOKEN,
      token_type: 'Bearer',
      patient: PATIENT_ID,
      id_token: ID_TOKEN,
      ...tokenResponse,
    },
  });
}

/** `POST /api/session`, answered in turn by `answers` (the last one repeats). */
function sessionEndpoint(...answers: (() => Response)[]) {
  const bodies: unknown[] = [];
  server.use(
    http.post('*/api/session', async ({ request }) => {
      bodies.push(await request.json());
      const answer = answers[Math.min(bodies.length, answers.length) - 1];
      return answer === undefined ? HttpResponse.error() : answer();
    }),
  );
  return bodies;
}

const sessionAnswer =
  (expiresAt = '2026-11-26T11:00:00.000Z') =>
  () =>
    HttpResponse.json({
      sessionToken: 'app-session-token',
      expiresAt,
      fhirUser: 'https://ehr.test/fhir/Practitioner/dr-1',
    });

test('the session is asked for once, right after ready(), with the id_token and the FHIR base', async () => {
  const bodies = sessionEndpoint(sessionAnswer());

  const access = launchCreditAccess(Promise.resolve(launchedClient()), () => NOW);
  await expect.poll(() => bodies.length).toBe(1);
  const sessions = await Promise.all([access.session(), access.session(), access.session()]);

  expect(bodies).toEqual([{ iss: FHIR_BASE, idToken: ID_TOKEN }]);
  expect(sessions.map((session) => session.sessionToken)).toEqual([
    'app-session-token',
    'app-session-token',
    'app-session-token',
  ]);
});

test('after a transient failure the session is asked for again; a refusal stands', async () => {
  const bodies = sessionEndpoint(() => new HttpResponse(null, { status: 503 }), sessionAnswer());
  const access = launchCreditAccess(Promise.resolve(launchedClient()), () => NOW);

  await expect(access.session()).rejects.toMatchObject({ code: 'SERVER_UNAVAILABLE' });
  expect((await access.session()).sessionToken).toBe('app-session-token');
  expect(bodies).toHaveLength(2);

  server.resetHandlers();
  const refusals = sessionEndpoint(() => refusal(401, 'SMART_ID_TOKEN_INVALID'));
  const refused = launchCreditAccess(Promise.resolve(launchedClient()), () => NOW);
  await expect(refused.session()).rejects.toMatchObject({ code: 'SMART_ID_TOKEN_INVALID' });
  await expect(refused.session()).rejects.toMatchObject({ code: 'SMART_ID_TOKEN_INVALID' });
  expect(refusals).toHaveLength(1);
});

test('an expired app session is made again from the id_token', async () => {
  const bodies = sessionEndpoint(sessionAnswer('2026-11-26T09:59:00.000Z'), sessionAnswer());
  const access = launchCreditAccess(Promise.resolve(launchedClient()), () => NOW);

  const session = await access.session();

  expect(session.expiresAt).toBe('2026-11-26T11:00:00.000Z');
  expect(bodies).toHaveLength(2);
});

test('a launch without an id_token cannot sign in, and asks nothing of the server', async () => {
  const bodies = sessionEndpoint(sessionAnswer());
  const access = launchCreditAccess(
    Promise.resolve(launchedClient({ id_token: undefined })),
    () => NOW,
  );

  await expect(access.session()).rejects.toMatchObject({
    code: 'ID_TOKEN_MISSING',
    message: 'The token response has no id_token',
  });
  expect(bodies).toEqual([]);
});

test('the EHR access token is given while it is valid, and no longer once it has expired', async () => {
  sessionEndpoint(sessionAnswer());
  const valid = launchCreditAccess(Promise.resolve(launchedClient()), () => NOW);
  const expired = launchCreditAccess(
    Promise.resolve(launchedClient({}, NOW / 1000 - 1)),
    () => NOW,
  );

  expect(await valid.fhirAccessToken()).toBe(ACCESS_TOKEN);
  expect(await expired.fhirAccessToken()).toBeUndefined();
});
