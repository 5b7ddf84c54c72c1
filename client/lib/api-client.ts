import {
  completionRequestSchema,
  completionResponseSchema,
  transcriptResponseSchema,
  type CompletionRequest,
  type CompletionResponse,
  type TranscriptResponse,
} from '../../core/wire/completion';
import { libraryResponseSchema, type LibraryResponse } from '../../core/wire/library';
import {
  sessionRequestSchema,
  sessionResponseSchema,
  type SessionRequest,
  type SessionResponse,
} from '../../core/wire/session';
import { ChartsideError } from '../errors/chartside-error';
import { apiUrl, describeIssues, requestJson } from './api-request';

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

/**
 * `POST /api/session` (DESIGN.md §3): the launch's EHR-signed id_token for an app session.
 * The server verifies the token; 401 codes (SMART_ID_TOKEN_INVALID, TENANT_NOT_REGISTERED,
 * TENANT_DISABLED, FHIR_USER_MISSING) mean the clinician has to open Chartside again.
 */
export function createSession(request: SessionRequest): Promise<SessionResponse> {
  const checked = sessionRequestSchema.safeParse(request);
  if (!checked.success) {
    return Promise.reject(
      new ChartsideError(
        'SMART_ID_TOKEN_INVALID',
        `The launch cannot sign in to Chartside: ${describeIssues(checked.error)}`,
      ),
    );
  }
  return requestJson({
    method: 'POST',
    path: '/api/session',
    body: checked.data,
    schema: sessionResponseSchema,
    what: 'session',
  });
}

/**
 * `POST /api/completions` (DESIGN.md §4): one finished attempt, graded and credited by the
 * server. The same attemptId always answers the same credit, so a retry is safe. The EHR
 * access token travels in this body only, for the server's one encounter read.
 */
export function submitCompletion(
  sessionToken: string,
  request: CompletionRequest,
): Promise<CompletionResponse> {
  const checked = completionRequestSchema.safeParse(request);
  if (!checked.success) {
    return Promise.reject(
      new ChartsideError(
        'REQUEST_REFUSED',
        `The completion cannot be sent: ${describeIssues(checked.error)}`,
      ),
    );
  }
  return requestJson({
    method: 'POST',
    path: '/api/completions',
    sessionToken,
    body: checked.data,
    schema: completionResponseSchema,
    what: 'credit',
  });
}

/** `GET /api/credits`: the learner's transcript for a period of calendar days (inclusive). */
export function fetchTranscript(
  sessionToken: string,
  period: { from: string; to: string },
  signal?: AbortSignal,
): Promise<TranscriptResponse> {
  const query = new URLSearchParams(period).toString();
  return requestJson({
    method: 'GET',
    path: `/api/credits?${query}`,
    sessionToken,
    schema: transcriptResponseSchema,
    what: 'transcript',
    ...(signal === undefined ? {} : { signal }),
  });
}
