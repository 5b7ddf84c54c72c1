import type { Bundle } from 'fhir/r4';
import type { fhirclient } from 'fhirclient/lib/types';
import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
import Client from 'fhirclient/lib/Client';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { ChartsideError } from '../errors/chartside-error';
import { loadPatientContext } from './load-patient-context';
import {
  ACCESS_TOKEN,
  ENCOUNTER_ID,
  FHIR_BASE,
  PATIENT_ID,
  chartHandlers,
  condition,
  searchset,
  served,
} from './test-support/fake-ehr';

const server = setupServer(...chartHandlers);
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  served.length = 0;
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

/** An unsigned JWT: fhirclient and Chartside only decode the id_token on the client. */
function idToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'none' })}.${part(claims)}.`;
}

/**
 * A real fhirclient Client as `ready()` would build it, on the browser adapter (jsdom gives
 * it window and sessionStorage; its cross-fetch resolves to node-fetch, which msw intercepts).
 */
function launchedClient(
  tokenResponse: fhirclient.TokenResponse = {},
  state: Partial<fhirclient.ClientState> = {},
): Client {
  return new Client(new BrowserAdapter(), {
    serverUrl: FHIR_BASE,
    clientId: 'chartside',
    tokenUri: 'https://ehr.test/oauth2/token',
    expiresAt: Math.floor(Date.now() / 1000) + 300,
    ...state,
    tokenResponse: {
      access_token: ACCESS_TOKEN,
      token_type: 'Bearer',
      scope: 'launch openid fhirUser patient/Patient.rs patient/Observation.rs',
      patient: PATIENT_ID,
      encounter: ENCOUNTER_ID,
      id_token: idToken({ fhirUser: 'https://ehr.test/fhir/Practitioner/dr-1?x=~~~' }),
      appContext: 'case=sepsis-lactate',
      ...tokenResponse,
    },
  });
}

async function loadFailure(client: Client): Promise<ChartsideError> {
  const error: unknown = await loadPatientContext(client).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ChartsideError)) throw new Error('expected a ChartsideError');
  return error;
}

test('reads all five resource types for the launch patient and bounds paging at three pages', async () => {
  const context = await loadPatientContext(launchedClient());

  expect(context.patient.id).toBe(PATIENT_ID);
  expect(context.encounter?.id).toBe(ENCOUNTER_ID);
  expect(context.conditions.map((entry) => entry.id)).toEqual(['c-1', 'c-2']);
  expect(context.observations.map((entry) => entry.id)).toEqual([
    'bp-1',
    'lab-3',
    'lab-2',
    'lab-1',
  ]);
  expect(context.medications.map((entry) => entry.id)).toEqual(['med-1']);
  expect(context.unavailable).toEqual([]);
  expect(served.filter((path) => path.includes('category=laboratory'))).toHaveLength(3);
  expect(served).toContain(
    'Condition?patient=Patient%2Fpat-1&clinical-status=active,recurrence,relapse&_count=50',
  );
  expect(served).toContain('MedicationRequest?patient=Patient%2Fpat-1&status=active&_count=50');
});

test('takes the launch context from the token response, with the raw fhirUser claim', async () => {
  const { launch } = await loadPatientContext(launchedClient());

  expect(launch).toEqual({
    patientId: PATIENT_ID,
    encounterId: ENCOUNTER_ID,
    needPatientBanner: true,
    fhirUser: 'https://ehr.test/fhir/Practitioner/dr-1?x=~~~',
    appContext: 'case=sepsis-lactate',
    grantedScopes: ['launch', 'openid', 'fhirUser', 'patient/Patient.rs', 'patient/Observation.rs'],
  });
});

test('respects need_patient_banner false, and only exactly false', async () => {
  const hidden = await loadPatientContext(launchedClient({ need_patient_banner: false }));
  const stringy = await loadPatientContext(
    launchedClient({ need_patient_banner: 'false' as unknown as boolean }),
  );

  expect(hidden.launch.needPatientBanner).toBe(false);
  expect(stringy.launch.needPatientBanner).toBe(true);
});

test('stops following next links at the resource bound', async () => {
  const context = await loadPatientContext(launchedClient(), {
    limits: { maxPages: 3, maxResources: 2 },
  });

  expect(context.observations.filter((entry) => entry.id?.startsWith('lab-'))).toHaveLength(2);
  expect(served.filter((path) => path.includes('category=laboratory'))).toHaveLength(2);
});

test('never follows a next link off the FHIR server, which would leak the access token', async () => {
  const page: Bundle = {
    ...searchset([condition('c-1')]),
    link: [{ relation: 'next', url: 'https://elsewhere.test/fhir/Condition?page=2' }],
  };
  server.use(http.get(`${FHIR_BASE}/Condition`, () => HttpResponse.json(page)));

  const context = await loadPatientContext(launchedClient());

  expect(context.conditions.map((entry) => entry.id)).toEqual(['c-1']);
});

test('a search result that belongs to another patient rejects the whole context', async () => {
  server.use(
    http.get(`${FHIR_BASE}/Condition`, () =>
      HttpResponse.json(searchset([condition('c-1'), condition('c-9', 'Patient/someone-else')])),
    ),
  );

  const error = await loadFailure(launchedClient());

  expect(error.code).toBe('PATIENT_MISMATCH');
  expect(error.message).toBe(
    'A Condition in the response does not belong to the patient in context',
  );
});

test('a Patient read answering another patient is a mismatch', async () => {
  server.use(
    http.get(`${FHIR_BASE}/Patient/${PATIENT_ID}`, () =>
      HttpResponse.json({ resourceType: 'Patient', id: 'pat-2' }),
    ),
  );

  const error = await loadFailure(launchedClient());

  expect(error.code).toBe('PATIENT_MISMATCH');
  expect(error.message).toBe('The Patient read is not the patient in context');
});

test('a 401 from the FHIR server means the session expired', async () => {
  server.use(
    http.get(`${FHIR_BASE}/Condition`, () =>
      HttpResponse.json({ resourceType: 'OperationOutcome', issue: [] }, { status: 401 }),
    ),
  );

  const error = await loadFailure(launchedClient());

  expect(error.code).toBe('SESSION_EXPIRED');
  expect(error.message).toBe('The FHIR server no longer accepts the token (Condition read)');
});

test('an expired access token without a refresh token is an expired session, before any read', async () => {
  const client = launchedClient({}, { expiresAt: Math.floor(Date.now() / 1000) - 1 });

  const error = await loadFailure(client);

  expect(error.code).toBe('SESSION_EXPIRED');
  expect(error.message).toBe('The access token has expired');
  expect(served).toEqual([]);
});

test('a 403 on MedicationRequest lists it as unavailable and keeps the rest', async () => {
  server.use(
    http.get(`${FHIR_BASE}/MedicationRequest`, () =>
      HttpResponse.json({ resourceType: 'OperationOutcome', issue: [] }, { status: 403 }),
    ),
  );

  const context = await loadPatientContext(launchedClient());

  expect(context.unavailable).toEqual(['MedicationRequest']);
  expect(context.medications).toEqual([]);
  expect(context.conditions).toHaveLength(2);
});

test('a network error means the FHIR server is unavailable', async () => {
  server.use(http.get(`${FHIR_BASE}/Observation`, () => HttpResponse.error()));

  const error = await loadFailure(launchedClient());

  expect(error.code).toBe('FHIR_UNAVAILABLE');
  expect(error.message).toBe('The FHIR server could not be reached (Observation read)');
});

test('a 503 means the FHIR server is unavailable', async () => {
  server.use(
    http.get(
      `${FHIR_BASE}/Encounter/${ENCOUNTER_ID}`,
      () => new HttpResponse(null, { status: 503 }),
    ),
  );

  const error = await loadFailure(launchedClient());

  expect(error.code).toBe('FHIR_UNAVAILABLE');
  expect(error.message).toBe('The FHIR server could not be reached (Encounter read)');
});

test('a token response without a patient is not a usable launch', async () => {
  const error = await loadFailure(launchedClient({ patient: undefined }));

  expect(error.code).toBe('LAUNCH_MISSING');
  expect(error.message).toBe('The token response has no patient in context');
});
