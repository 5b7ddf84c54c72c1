import type { z } from 'zod';
import { libraryResponseSchema, type LibraryResponse } from '../../core/wire/library';
import { ChartsideError } from '../errors/chartside-error';

/** The first few schema issues as `path: message`, so a support ticket names the bad field. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** A same-origin API URL: the app is served at /app/, the API at /api/ on the same host. */
function apiUrl(path: string): string {
  return new URL(path, window.location.href).toString();
}

/**
 * `GET /api/library`, parsed with the core wire schema (DESIGN.md §2: the client parses every
 * server response). Network trouble and server errors are retryable (`LIBRARY_UNAVAILABLE`);
 * a body that does not fit the schema is `LIBRARY_INVALID`, naming the field.
 */
export async function fetchLibrary(signal?: AbortSignal): Promise<LibraryResponse> {
  let response: Response;
  try {
    response = await fetch(apiUrl('/api/library'), {
      headers: { accept: 'application/json' },
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    throw new ChartsideError('LIBRARY_UNAVAILABLE', 'The case library could not be reached', {
      cause: error,
    });
  }
  if (!response.ok) {
    throw new ChartsideError(
      'LIBRARY_UNAVAILABLE',
      `GET /api/library answered HTTP ${response.status}`,
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new ChartsideError('LIBRARY_INVALID', 'GET /api/library did not answer JSON', {
      cause: error,
    });
  }
  const parsed = libraryResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new ChartsideError(
      'LIBRARY_INVALID',
      `GET /api/library answered an invalid library at ${describeIssues(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
