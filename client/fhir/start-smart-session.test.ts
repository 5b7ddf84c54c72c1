import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
import type Client from 'fhirclient/lib/Client';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { startSmartSession, type SmartOAuth2 } from './start-smart-session';
import { ACCESS_TOKEN, FHIR_BASE, PATIENT_ID } from './test-support/fake-ehr';

/**
 * A page load at `url`: fhirclient's browser API on a fresh adapter (the real page uses the
 * browser entry's singleton, which caches the URL of the first load).
 */
function loadPageAt(url: string): { oauth2: SmartOAuth2; session: Promise<Client> } {
  window.history.replaceState({}, '', url);
  const api = new BrowserAdapter().getSmartApi();
  const oauth2: SmartOAuth2 = { settings: api.options, ready: () => api.ready() };
  return { oauth2, session: startSmartSession(oauth2) };
}

async function failureOf(session: Promise<unknown>) {
  const error: unknown = await session.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  const code: unknown = Reflect.get(Object(error), 'code');
  const message: unknown = Reflect.get(Object(error), 'message');
  return { code, message };
}

/** The state fhirclient stores once the code has been exchanged (a reload of /app/). */
function storeAuthorizedState(key: string) {
  sessionStorage.setItem(
    key,
    JSON.stringify({
      serverUrl: FHIR_BASE,
      clientId: 'chartside',
      key,
      completeInTarget: true,
      tokenUri: 'https://ehr.test/oauth2/token',
      tokenResponse: { access_token: ACCESS_TOKEN, patient: PATIENT_ID },
    }),
  );
}

beforeEach(() => {
  sessionStorage.clear();
});
afterEach(() => {
  Reflect.deleteProperty(window, 'external');
});

test('opening /app/ without a launch is LAUNCH_MISSING', async () => {
  const { session } = loadPageAt('/app/');

  expect(await failureOf(session)).toEqual({
    code: 'LAUNCH_MISSING',
    message: 'The app was opened without a SMART launch',
  });
});

test('a code whose launch state is gone is SESSION_EXPIRED', async () => {
  const { session } = loadPageAt('/app/?code=abc&state=unknown-key');

  expect(await failureOf(session)).toEqual({
    code: 'SESSION_EXPIRED',
    message: 'The SMART authorization could not be completed or resumed',
  });
});

test('an error answer from the authorization server is SESSION_EXPIRED', async () => {
  const { session } = loadPageAt('/app/?error=access_denied&state=launch-0');

  expect(await failureOf(session)).toMatchObject({ code: 'SESSION_EXPIRED' });
});

test('a reload resumes the stored session without a second token request', async () => {
  storeAuthorizedState('launch-1');

  const client = await loadPageAt('/app/?state=launch-1').session;

  expect(client.getPatientId()).toBe(PATIENT_ID);
  expect(sessionStorage.getItem('SMART_KEY')).toBe('"launch-1"');
});

test('inside Oracle Health the launch key is not kept in shared sessionStorage', async () => {
  Object.defineProperty(window, 'external', {
    value: { DiscernObjectFactory: () => undefined },
    configurable: true,
  });
  storeAuthorizedState('launch-2');

  const { oauth2, session } = loadPageAt('/app/?state=launch-2');
  const client = await session;

  expect(oauth2.settings.fullSessionStorageSupport).toBe(false);
  expect(client.getPatientId()).toBe(PATIENT_ID);
  expect(sessionStorage.getItem('SMART_KEY')).toBeNull();
});
