import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { ACCESS_TOKEN, FHIR_BASE, PATIENT_ID } from './test-support/fake-ehr';

/** Imports smart-session afresh, as a page load at `url` would run it. */
async function loadPageAt(url: string) {
  window.history.replaceState({}, '', url);
  vi.resetModules();
  // Wrapped: an async function returning the promise itself would adopt its outcome.
  return await import('./smart-session');
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
  const { smartSession: session } = await loadPageAt('/app/');

  expect(await failureOf(session)).toEqual({
    code: 'LAUNCH_MISSING',
    message: 'The app was opened without a SMART launch',
  });
});

test('a code whose launch state is gone is SESSION_EXPIRED', async () => {
  const { smartSession: session } = await loadPageAt('/app/?code=abc&state=unknown-key');

  expect(await failureOf(session)).toEqual({
    code: 'SESSION_EXPIRED',
    message: 'The SMART authorization could not be completed or resumed',
  });
});

test('a reload resumes the stored session without a second token request', async () => {
  storeAuthorizedState('launch-1');

  const client = await (await loadPageAt('/app/?state=launch-1')).smartSession;

  expect(client.getPatientId()).toBe(PATIENT_ID);
  expect(sessionStorage.getItem('SMART_KEY')).toBe('"launch-1"');
});

test('inside Oracle Health the launch key is not kept in shared sessionStorage', async () => {
  Object.defineProperty(window, 'external', {
    value: { DiscernObjectFactory: () => undefined },
    configurable: true,
  });
  storeAuthorizedState('launch-2');

  const client = await (await loadPageAt('/app/?state=launch-2')).smartSession;

  expect(client.getPatientId()).toBe(PATIENT_ID);
  expect(sessionStorage.getItem('SMART_KEY')).toBeNull();
});
