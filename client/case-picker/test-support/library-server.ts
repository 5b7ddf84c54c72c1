import {
  HttpResponse,
  http,
  type HttpHandler,
  type HttpResponseResolver,
  type JsonBodyType,
} from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { freshIndexedDbPerTest } from '../../learner-history/test-support/fresh-indexeddb';
import { library } from './library-fixture';

/** `GET /api/library` on the page's own origin, as the app calls it. */
export const LIBRARY_URL = '*/api/library';
/** `GET /api/reviews/due`, which the case picker asks once per launch. */
export const DUE_REVIEWS_URL = '*/api/reviews/due';
/** `GET /api/reviews/points`, which the picker asks once per launch to rank for the learner. */
export const POINTS_URL = '*/api/reviews/points';
/** `GET /api/history`, the learner's history the server knows, asked once per launch. */
export const HISTORY_URL = '*/api/history';
/** `GET /api/profile`, which the app asks once per launch. */
export const PROFILE_URL = '*/api/profile';

/** A learner who saved a profile and told nothing that changes a ranking. */
export const SAVED_EMPTY_PROFILE = {
  profile: { gaps: [], reporting: {} },
  updatedAt: '2026-11-01T09:00:00.000Z',
};

/**
 * An msw server answering `/api/library` with `body` (the fixture library by default), started
 * for the calling test file; any other request fails the test unless a test adds a handler.
 */
export function serveLibrary(body: JsonBodyType = library) {
  const server = setupServer(
    http.get(LIBRARY_URL, () => HttpResponse.json(body)),
    // Nothing due for review unless a test says otherwise.
    http.get(DUE_REVIEWS_URL, () => HttpResponse.json({ reviews: [] })),
    // No answered points, and a saved profile (no first-run prompt) unless a test says otherwise.
    http.get(POINTS_URL, () => HttpResponse.json({ points: [] })),
    http.get(PROFILE_URL, () => HttpResponse.json(SAVED_EMPTY_PROFILE)),
    http.get(HISTORY_URL, () => HttpResponse.json({ history: [] })),
  );
  freshIndexedDbPerTest();
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => {
    server.resetHandlers();
    localStorage.clear();
  });
  afterAll(() => {
    server.close();
  });
  return {
    answerWith(resolver: HttpResponseResolver) {
      server.use(http.get(LIBRARY_URL, resolver));
    },
    /** More handlers for this test only (the credit API, say). */
    use(...handlers: HttpHandler[]) {
      server.use(...handlers);
    },
  };
}
