import type { Practitioner, PractitionerRole } from 'fhir/r4';
import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
import Client from 'fhirclient/lib/Client';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import {
  allowsPractitionerRoleSearch,
  NPI_SYSTEM,
  practitionerIdOf,
  readPractitionerPrefill,
} from './read-practitioner';
import { ACCESS_TOKEN, FHIR_BASE, searchset } from './test-support/fake-ehr';

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

const idToken = (claims: Record<string, unknown>): string =>
  `${btoa('{"alg":"none"}')}.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.`;

function launchedClient(scope: string, fhirUser = `${FHIR_BASE}/Practitioner/dr-1`): Client {
  return new Client(new BrowserAdapter(), {
    serverUrl: FHIR_BASE,
    clientId: 'chartside',
    tokenUri: 'https://ehr.test/oauth2/token',
    expiresAt: Math.floor(Date.now() / 1000) + 300,
    tokenResponse: {
      access_token: ACCESS_TOKEN,
      token_type: 'Bearer',
      scope,
      patient: 'pat-1',
      id_token: idToken({ fhirUser }),
    },
  });
}

const practitioner: Practitioner = {
  resourceType: 'Practitioner',
  id: 'dr-1',
  identifier: [
    { system: 'http://example.org/staff', value: 'S-9' },
    { system: NPI_SYSTEM, value: '1234567893' },
  ],
  name: [
    { use: 'usual', given: ['Addie'], family: 'L' },
    { use: 'official', given: ['Ada', 'M'], family: 'Lovelace' },
  ],
};

const role: PractitionerRole = {
  resourceType: 'PractitionerRole',
  id: 'role-1',
  practitioner: { reference: 'Practitioner/dr-1' },
  code: [{ text: 'Physician' }],
  specialty: [
    {
      coding: [
        { system: 'http://example.org/specialty', code: 'x', display: 'Emergency medicine' },
      ],
    },
  ],
};

const DEFAULT_SCOPE = 'launch openid fhirUser patient/Patient.rs';

test('the official name and a valid NPI come from the Practitioner the fhirUser names', async () => {
  server.use(http.get(`${FHIR_BASE}/Practitioner/dr-1`, () => HttpResponse.json(practitioner)));
  expect(await readPractitionerPrefill(launchedClient(DEFAULT_SCOPE))).toEqual({
    firstName: 'Ada',
    lastName: 'Lovelace',
    npi: '1234567893',
  });
});

test('PractitionerRole is not searched when the scope does not grant it', async () => {
  const searched: string[] = [];
  server.use(
    http.get(`${FHIR_BASE}/Practitioner/dr-1`, () => HttpResponse.json(practitioner)),
    http.get(`${FHIR_BASE}/PractitionerRole`, ({ request }) => {
      searched.push(request.url);
      return HttpResponse.json(searchset([role]));
    }),
  );
  await readPractitionerPrefill(launchedClient(DEFAULT_SCOPE));
  expect(searched).toEqual([]);
});

test('a granted PractitionerRole gives profession and specialty by their written names', async () => {
  server.use(
    http.get(`${FHIR_BASE}/Practitioner/dr-1`, () => HttpResponse.json(practitioner)),
    http.get(`${FHIR_BASE}/PractitionerRole`, ({ request }) =>
      new URL(request.url).searchParams.get('practitioner') === 'dr-1'
        ? HttpResponse.json(searchset([role]))
        : HttpResponse.json(searchset([])),
    ),
  );
  const prefill = await readPractitionerPrefill(
    launchedClient(`${DEFAULT_SCOPE} user/PractitionerRole.rs`),
  );
  expect(prefill).toMatchObject({ profession: 'physician', specialty: 'emergency-medicine' });
});

test('a NUCC taxonomy code names the specialty whatever its display says', async () => {
  const coded: PractitionerRole = {
    ...role,
    specialty: [
      { text: 'Heart doctor' },
      {
        coding: [
          {
            system: 'http://nucc.org/provider-taxonomy',
            code: '207RC0000X',
            display: 'Cardiology',
          },
        ],
      },
    ],
  };
  server.use(
    http.get(`${FHIR_BASE}/Practitioner/dr-1`, () => HttpResponse.json(practitioner)),
    http.get(`${FHIR_BASE}/PractitionerRole`, () => HttpResponse.json(searchset([coded]))),
  );
  const prefill = await readPractitionerPrefill(
    launchedClient(`${DEFAULT_SCOPE} user/PractitionerRole.rs`),
  );
  expect(prefill.specialty).toBe('cardiology');
});

test('a 403 on the Practitioner and a 404 on PractitionerRole leave the prefill empty, not failed', async () => {
  server.use(
    http.get(`${FHIR_BASE}/Practitioner/dr-1`, () => new HttpResponse(null, { status: 403 })),
    http.get(`${FHIR_BASE}/PractitionerRole`, () => new HttpResponse(null, { status: 404 })),
  );
  expect(
    await readPractitionerPrefill(launchedClient(`${DEFAULT_SCOPE} user/PractitionerRole.read`)),
  ).toEqual({});
});

test('an NPI with a wrong check digit is not prefilled', async () => {
  server.use(
    http.get(`${FHIR_BASE}/Practitioner/dr-1`, () =>
      HttpResponse.json({
        ...practitioner,
        identifier: [{ system: NPI_SYSTEM, value: '1234567890' }],
      }),
    ),
  );
  expect(await readPractitionerPrefill(launchedClient(DEFAULT_SCOPE))).not.toHaveProperty('npi');
});

test('a fhirUser on another server or of another type is never read', () => {
  expect(practitionerIdOf('https://evil.test/fhir/Practitioner/dr-1', FHIR_BASE)).toBeUndefined();
  expect(practitionerIdOf(`${FHIR_BASE}/Patient/pat-1`, FHIR_BASE)).toBeUndefined();
  expect(practitionerIdOf('Practitioner/dr-1', FHIR_BASE)).toBe('dr-1');
});

test('PractitionerRole search needs a user or system scope that includes search', () => {
  expect(allowsPractitionerRoleSearch(['user/PractitionerRole.rs'])).toBe(true);
  expect(allowsPractitionerRoleSearch(['user/PractitionerRole.read'])).toBe(true);
  expect(allowsPractitionerRoleSearch(['user/*.read'])).toBe(true);
  expect(allowsPractitionerRoleSearch(['user/PractitionerRole.r'])).toBe(false);
  expect(allowsPractitionerRoleSearch(['patient/PractitionerRole.rs', 'fhirUser'])).toBe(false);
});
