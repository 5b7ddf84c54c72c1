import type { z } from 'zod';
import { errorCodeOf, operationOutcomeSchema } from '../../core/wire/operation-outcome';
import {
  ChartsideError,
  isChartsideErrorCode,
  type ChartsideErrorCode,
} from '../errors/chartside-error';

/** How long a learner API call may take before it counts as a network failure. */
export const API_TIMEOUT_MS = 20_000;

/** Codes the server answers with (server/http/app-error.ts) that the client words on its own. */
const SERVER_CODES: ReadonlySet<string> = new Set<ChartsideErrorCode>([
  'SMART_ID_TOKEN_INVALID',
  'TENANT_NOT_REGISTERED',
  'TENANT_DISABLED',
  'FHIR_USER_MISSING',
  'SESSION_REQUIRED',
  'SESSION_INVALID',
  'EHR_UNREACHABLE',
  'ENCOUNTER_NOT_ACCESSIBLE',
  'ENCOUNTER_PATIENT_MISMATCH',
  'CASE_UNKNOWN',
  'ANSWERS_INVALID',
]);

export interface ApiRequest<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Same-origin path, with its query. */
  path: string;
  schema: z.ZodType<T>;
  /** What the answer is, for messages: "session", "credit", "transcript". */
  what: string;
  sessionToken?: string;
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** The first few schema issues as `path: message`, so a support ticket names the bad field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** A same-origin API URL: the app is served at /app/, the API at /api/ on the same host. */
export function apiUrl(path: string): string {
  return new URL(path, window.location.href).toString();
}

/**
 * One call to the learner API, its answer parsed with the core schema. Failures become a
 * ChartsideError: the server's stable code where the client words it, SERVER_UNAVAILABLE for
 * network trouble, timeouts, 408, 429 and 5xx (worth retrying), SESSION_INVALID for any other
 * 401, REQUEST_REFUSED for any other 4xx, SERVER_INVALID for an answer that does not parse.
 */
export async function requestJson<T>(request: ApiRequest<T>): Promise<T> {
  const label = `${request.method} ${new URL(apiUrl(request.path)).pathname}`;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, request.timeoutMs ?? API_TIMEOUT_MS);
  const abort = () => {
    controller.abort();
  };
  request.signal?.addEventListener('abort', abort, { once: true });
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.sessionToken !== undefined) headers.authorization = `Bearer ${request.sessionToken}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  try {
    let response: Response;
    try {
      response = await fetch(apiUrl(request.path), {
        method: request.method,
        headers,
        signal: controller.signal,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
    } catch (error) {
      throw new ChartsideError(
        'SERVER_UNAVAILABLE',
        `The Chartside server could not be reached (${label})`,
        { cause: error },
      );
    }
    const body = await readJson(response, label);
    if (!response.ok) throw failureOf(response.status, body, label);
    const parsed = request.schema.safeParse(body);
    if (!parsed.success) {
      throw new ChartsideError(
        'SERVER_INVALID',
        `${label} answered an invalid ${request.what} at ${describeIssues(parsed.error)}`,
        { cause: parsed.error },
      );
    }
    return parsed.data;
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', abort);
  }
}

async function readJson(response: Response, label: string): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch (error) {
    if (!response.ok) return undefined;
    // A body cut off by the timeout is a network failure, not a malformed answer.
    const code = error instanceof DOMException ? 'SERVER_UNAVAILABLE' : 'SERVER_INVALID';
    throw new ChartsideError(code, `${label} did not answer JSON`, { cause: error });
  }
}

function failureOf(status: number, body: unknown, label: string): ChartsideError {
  const outcome = operationOutcomeSchema.safeParse(body);
  const serverCode = outcome.success ? errorCodeOf(outcome.data) : undefined;
  const detail = `${label} answered HTTP ${status}${serverCode === undefined ? '' : ` ${serverCode}`}`;
  if (isChartsideErrorCode(serverCode) && SERVER_CODES.has(serverCode)) {
    return new ChartsideError(serverCode, detail);
  }
  if (status === 401) return new ChartsideError('SESSION_INVALID', detail);
  if (status >= 500 || status === 408 || status === 429) {
    return new ChartsideError('SERVER_UNAVAILABLE', detail);
  }
  return new ChartsideError('REQUEST_REFUSED', detail);
}
