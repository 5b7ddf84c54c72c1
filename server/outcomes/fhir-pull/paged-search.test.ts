import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { AppError } from '../../http/app-error';
import { searchAll, searchPopulation, type PopulationSearch } from './paged-search';

const ISS = 'https://ehr.test/fhir';
const server = setupServer();
const requests: { url: URL; authorization: string | null }[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    requests.push({
      url: new URL(request.url),
      authorization: request.headers.get('authorization'),
    });
  });
});
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => {
  server.close();
});

function populationSearch(overrides: Partial<PopulationSearch> = {}): PopulationSearch {
  return {
    iss: ISS,
    since: new Date('2026-06-01T00:00:00Z'),
    types: ['Condition', 'Observation'],
    accessToken: () => Promise.resolve('secret-token'),
    http: { fetch, timeoutMs: 5_000 },
    limits: { pageSize: 2, maxPages: 10, concurrency: 2 },
    ...overrides,
  };
}

function bundle(resources: object[], next?: string): object {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    link: next
      ? [
          { relation: 'self', url: 'x' },
          { relation: 'next', url: next },
        ]
      : [],
    entry: resources.map((resource) => ({ resource })),
  };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as AppError,
  );
}

test('a search follows next links to the end and keeps only the searched type', async () => {
  server.use(
    http.get(`${ISS}/Observation`, ({ request }) => {
      const page = new URL(request.url).searchParams.get('page');
      if (page === null) {
        return HttpResponse.json(
          bundle(
            [
              { resourceType: 'Observation', id: 'o1' },
              { resourceType: 'OperationOutcome', id: 'w' },
            ],
            `${ISS}/Observation?page=2`,
          ),
        );
      }
      return HttpResponse.json(bundle([{ resourceType: 'Observation', id: 'o2' }]));
    }),
  );
  const found = await searchAll(populationSearch(), 'Observation', { patient: 'Patient/p1' });
  expect(found.map((r) => r.id)).toEqual(['o1', 'o2']);
  expect(requests[0]?.url.search).toBe('?patient=Patient%2Fp1&_count=2');
  for (const request of requests) expect(request.authorization).toBe('Bearer secret-token');
});

test('a next link to another origin is refused and never called', async () => {
  server.use(
    http.get(`${ISS}/Observation`, () =>
      HttpResponse.json(
        bundle(
          [{ resourceType: 'Observation', id: 'o1' }],
          'https://evil.test/fhir/Observation?page=2',
        ),
      ),
    ),
  );
  const error = await failure(searchAll(populationSearch(), 'Observation', {}));
  expect(error.code).toBe('FHIR_LINK_OFF_ORIGIN');
  expect(error.message).toBe(
    'The EHR returned a link to https://evil.test, outside its FHIR server https://ehr.test: no request was made',
  );
  expect(requests).toHaveLength(1);
});

test('a server that links forever is stopped at maxPages', async () => {
  server.use(
    http.get(`${ISS}/Observation`, ({ request }) =>
      HttpResponse.json(
        bundle(
          [{ resourceType: 'Observation', id: request.url }],
          `${ISS}/Observation?again=${requests.length}`,
        ),
      ),
    ),
  );
  const error = await failure(
    searchAll(
      populationSearch({ limits: { pageSize: 2, maxPages: 3, concurrency: 1 } }),
      'Observation',
      {},
    ),
  );
  expect(error.code).toBe('FHIR_SEARCH_FAILED');
  expect(error.message).toBe('The Observation search has more than 3 pages');
  expect(requests).toHaveLength(3);
});

test('a refused search or a body that is not a Bundle is FHIR_SEARCH_FAILED', async () => {
  server.use(
    http.get(`${ISS}/Observation`, () =>
      HttpResponse.json({ resourceType: 'OperationOutcome' }, { status: 403 }),
    ),
  );
  expect((await failure(searchAll(populationSearch(), 'Observation', {}))).message).toBe(
    'The EHR refused the Observation search (HTTP 403)',
  );
  server.use(
    http.get(`${ISS}/Observation`, () => HttpResponse.json({ resourceType: 'Patient', id: 'x' })),
  );
  expect((await failure(searchAll(populationSearch(), 'Observation', {}))).message).toBe(
    'The Observation search did not return a Bundle',
  );
});

test('a redirect is not followed', async () => {
  server.use(
    http.get(
      `${ISS}/Observation`,
      () => new HttpResponse(null, { status: 302, headers: { location: 'https://evil.test/x' } }),
    ),
  );
  expect((await failure(searchAll(populationSearch(), 'Observation', {}))).message).toBe(
    'The EHR refused the Observation search (HTTP 302)',
  );
  expect(requests).toHaveLength(1);
});

test('the population is the patients with recent encounters, each read in full with bounded concurrency', async () => {
  let inFlight = 0;
  let most = 0;
  const slow = async <T>(value: T): Promise<T> => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight -= 1;
    return value;
  };
  const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
  server.use(
    http.get(`${ISS}/Encounter`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const subject = params.get('patient');
      if (subject !== null) {
        return slow(
          HttpResponse.json(
            bundle([
              { resourceType: 'Encounter', id: `old-${subject}`, subject: { reference: subject } },
            ]),
          ),
        );
      }
      expect(params.get('date')).toBe('ge2026-06-01T00:00:00.000Z');
      return HttpResponse.json(
        bundle(
          [...ids, 'p1'].map((id, index) => ({
            resourceType: 'Encounter',
            id: `e${index}`,
            subject: { reference: `Patient/${id}` },
          })),
        ),
      );
    }),
    http.get(`${ISS}/Patient/:id`, ({ params }) =>
      slow(HttpResponse.json({ resourceType: 'Patient', id: params.id })),
    ),
    http.get(`${ISS}/Condition`, () => slow(HttpResponse.json(bundle([])))),
    http.get(`${ISS}/Observation`, ({ request }) => {
      const subject = new URL(request.url).searchParams.get('patient');
      return slow(
        HttpResponse.json(
          bundle([
            { resourceType: 'Observation', id: `o-${subject}`, subject: { reference: subject } },
          ]),
        ),
      );
    }),
  );
  const resources = await searchPopulation(populationSearch());
  const patients = resources.filter((r) => r.resourceType === 'Patient').map((r) => r.id);
  expect(patients.sort()).toEqual(ids);
  expect(resources.filter((r) => r.resourceType === 'Observation')).toHaveLength(5);
  expect(resources.filter((r) => r.resourceType === 'Encounter').map((r) => r.id)).toContain(
    'old-Patient/p3',
  );
  expect(requests.filter((r) => r.url.pathname === '/fhir/Patient/p1')).toHaveLength(1);
  expect(most).toBe(2);
});

test('a Patient read that returns another patient is refused', async () => {
  server.use(
    http.get(`${ISS}/Encounter`, () =>
      HttpResponse.json(
        bundle([{ resourceType: 'Encounter', id: 'e1', subject: { reference: 'Patient/p1' } }]),
      ),
    ),
    http.get(`${ISS}/Patient/p1`, () => HttpResponse.json({ resourceType: 'Patient', id: 'p2' })),
  );
  const error = await failure(searchPopulation(populationSearch()));
  expect(error.message).toBe('The Patient read did not return the patient');
});
