import type { RequestHandler } from 'express';
import type { LibraryResponse } from '../../core/wire/library';
import type { CaseLibrary } from './case-library';

/**
 * `GET /api/library`: the case library is content, not learner data, so it is public and
 * cacheable; the client matches the patient against it without sending the chart anywhere.
 */
export function libraryRoute(library: CaseLibrary): RequestHandler {
  const body = { cases: library.cases, valueSets: library.valueSets } as LibraryResponse;
  return (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(body);
  };
}
