import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { library } from '../case-picker/test-support/library-fixture';
import { ChartsideError } from '../errors/chartside-error';
import { fetchLibrary } from './api-client';

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

const answer = (response: () => Response) => {
  server.use(http.get(`${window.location.origin}/api/library`, response));
};

async function failure(): Promise<ChartsideError> {
  const error: unknown = await fetchLibrary().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ChartsideError)) throw new Error('expected a ChartsideError');
  return error;
}

test('fetches the library from the page origin and parses it with the core schema', async () => {
  answer(() => HttpResponse.json(library));

  const parsed = await fetchLibrary();

  expect(parsed.cases.map((microCase) => microCase.id)).toEqual(
    library.cases.map((microCase) => microCase.id),
  );
  expect(parsed.cases[0]?.trigger).toEqual(library.cases[0]?.trigger);
});

test('a library that does not fit the schema is LIBRARY_INVALID, naming the field', async () => {
  const [first] = library.cases;
  answer(() => HttpResponse.json({ ...library, cases: [{ ...first, minutes: 45 }] }));

  const error = await failure();

  expect(error.code).toBe('LIBRARY_INVALID');
  expect(error.message).toMatch(
    /^GET \/api\/library answered an invalid library at cases\.0\.minutes: /,
  );
});

test('a body that is not JSON is LIBRARY_INVALID', async () => {
  answer(() => new HttpResponse('<html>proxy error</html>', { status: 200 }));

  const error = await failure();

  expect(error.code).toBe('LIBRARY_INVALID');
  expect(error.message).toBe('GET /api/library did not answer JSON');
});

test('a server error is LIBRARY_UNAVAILABLE, which the UI offers to retry', async () => {
  answer(() => new HttpResponse(null, { status: 503 }));

  const error = await failure();

  expect(error.code).toBe('LIBRARY_UNAVAILABLE');
  expect(error.message).toBe('GET /api/library answered HTTP 503');
});

test('a network failure is LIBRARY_UNAVAILABLE', async () => {
  answer(() => HttpResponse.error());

  const error = await failure();

  expect(error.code).toBe('LIBRARY_UNAVAILABLE');
  expect(error.message).toBe('The case library could not be reached');
});
