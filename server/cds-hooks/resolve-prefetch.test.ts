import type { Bundle, Observation } from 'fhir/r4';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { CdsPrefetchError } from './prefetch-error';
import { resolvePrefetch, type PrefetchInput } from './resolve-prefetch';

const FHIR = 'https://ehr.test/fhir';
const TOKEN = 'access-token-for-the-hook';
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

const lab = (id: string, patient = 'p1'): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { text: id },
  subject: { reference: `Patient/${patient}` },
});
const searchset = (resources: object[], next?: string): Bundle =>
  ({
    resourceType: 'Bundle',
    type: 'searchset',
    ...(next !== undefined && { link: [{ relation: 'next', url: next }] }),
    entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
  }) as Bundle;

const FULL = {
  patient: { resourceType: 'Patient', id: 'p1' },
  conditions: null,
  labs: searchset([lab('lactate')]),
  vitals: null,
  imaging: null,
  medications: null,
};

/** FULL without its `labs` key, as an EHR sends it when that search failed. */
function withoutLabs(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(FULL).filter(([key]) => key !== 'labs'));
}

function input(prefetch: Record<string, unknown> | undefined, authorized = false): PrefetchInput {
  return {
    context: { patientId: 'p1' },
    prefetch,
    fhirServer: FHIR,
    fhirAuthorization: authorized
      ? {
          access_token: TOKEN,
          token_type: 'Bearer',
          expires_in: 300,
          scope: 'patient/*.rs',
          subject: 'x',
        }
      : undefined,
  };
}

test('null keys are empty and the encounter is not needed without an encounterId', async () => {
  const chart = await resolvePrefetch(input(FULL));
  expect(chart.observations.map((o) => o.id)).toEqual(['lactate']);
  expect(chart.conditions).toEqual([]);
  expect(chart.encounter).toBeUndefined();
});

test('missing keys without a token name every key that is missing', async () => {
  const error = await resolvePrefetch(input({ patient: FULL.patient })).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CdsPrefetchError);
  expect((error as CdsPrefetchError).keys).toEqual([
    'conditions',
    'labs',
    'vitals',
    'imaging',
    'medications',
  ]);
});

test('a missing key is searched on fhirServer with the hook’s bearer token', async () => {
  let authorization: string | null = null;
  server.use(
    http.get(`${FHIR}/Observation`, ({ request }) => {
      authorization = request.headers.get('authorization');
      return HttpResponse.json(searchset([lab('fetched')]));
    }),
  );
  const rest = withoutLabs();
  const chart = await resolvePrefetch(input(rest, true));
  expect(chart.observations.map((o) => o.id)).toEqual(['fetched']);
  expect(authorization).toBe(`Bearer ${TOKEN}`);
});

test('a next link that leaves fhirServer is not followed, so the token stays with the EHR', async () => {
  const prefetch = {
    ...FULL,
    labs: searchset([lab('first')], 'https://elsewhere.test/fhir/Observation?page=2'),
  };
  const chart = await resolvePrefetch(input(prefetch, true));
  expect(chart.observations.map((o) => o.id)).toEqual(['first']);
});

test('an EHR error while fetching is a prefetch failure naming the key', async () => {
  server.use(http.get(`${FHIR}/Observation`, () => new HttpResponse(null, { status: 503 })));
  const rest = withoutLabs();
  const error = await resolvePrefetch(input(rest, true)).catch((e: unknown) => e);
  expect((error as CdsPrefetchError).keys).toEqual(['labs']);
});

test('resources of another patient are dropped, and a Patient of another id is not used', async () => {
  const prefetch = {
    ...FULL,
    patient: { resourceType: 'Patient', id: 'someone-else', birthDate: '1900-01-01' },
    labs: searchset([lab('mine'), lab('theirs', 'p2')]),
  };
  const chart = await resolvePrefetch(input(prefetch));
  expect(chart.observations.map((o) => o.id)).toEqual(['mine']);
  expect(chart.patient).toEqual({ resourceType: 'Patient', id: 'p1' });
});

test('a read template answered with a searchset holding the resource is taken', async () => {
  const patient = { resourceType: 'Patient', id: 'p1', birthDate: '1950-01-01' };
  const chart = await resolvePrefetch(input({ ...FULL, patient: searchset([patient]) }));
  expect(chart.patient).toEqual(patient);
});
