import type { z } from 'zod';
import { operationOutcomeSchema, errorCodeOf } from '../../core/wire/operation-outcome';
import type { AdminCredentials } from './admin-credentials';
import { AdminError } from './admin-error';

/** Discovery of a slow EHR may take the server several seconds; past this, it is unreachable. */
const TIMEOUT_MS = 30_000;

export interface AdminRequest<T> {
  method: 'GET' | 'POST' | 'PATCH';
  /** Path under the page's origin, with its query, e.g. `/api/admin/tenants`. */
  path: string;
  schema: z.ZodType<T>;
  /** What the answer is, for messages: "tenant list", "registration sheet". */
  what: string;
  body?: unknown;
  signal?: AbortSignal;
}

/** The first few schema issues as `path: message`, naming the field that did not fit. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * One admin API call with the bearer token, its answer parsed with the core wire schema.
 * An OperationOutcome becomes an AdminError with the server's code, message and fields.
 */
export async function adminRequest<T>(
  credentials: AdminCredentials,
  request: AdminRequest<T>,
): Promise<T> {
  const label = `${request.method} ${request.path.split('?')[0] ?? ''}`;
  const response = await send(credentials, request, label);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (response.ok) {
      throw new AdminError('SERVER_INVALID', `${label} did not answer JSON`, [], { cause: error });
    }
  }
  if (!response.ok) throw failureOf(response.status, body, label);
  const parsed = request.schema.safeParse(body);
  if (!parsed.success) {
    throw new AdminError(
      'SERVER_INVALID',
      `${label} answered an invalid ${request.what} at ${describeIssues(parsed.error)}`,
      [],
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

/** The request with the bearer token and actor; a network failure is SERVER_UNAVAILABLE. */
async function send(
  credentials: AdminCredentials,
  request: Omit<AdminRequest<unknown>, 'schema' | 'what'>,
  label: string,
): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${credentials.token}`,
  };
  if (credentials.actor !== undefined) headers['x-admin-actor'] = credentials.actor;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  try {
    return await fetch(new URL(request.path, window.location.href), {
      method: request.method,
      headers,
      signal: request.signal ? AbortSignal.any([request.signal, timeout]) : timeout,
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new AdminError(
      'SERVER_UNAVAILABLE',
      `The Chartside server could not be reached (${label})`,
      [],
      {
        cause: error,
      },
    );
  }
}

/** A file the admin API answers (a report): its text and headers, or the API's AdminError. */
export async function adminFileRequest(
  credentials: AdminCredentials,
  request: { path: string; signal?: AbortSignal | undefined },
): Promise<{ text: string; headers: Headers }> {
  const label = `GET ${request.path.split('?')[0] ?? ''}`;
  const response = await send(credentials, { method: 'GET', ...request }, label);
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw failureOf(response.status, body, label);
  }
  return { text: await response.text(), headers: response.headers };
}

function failureOf(status: number, body: unknown, label: string): AdminError {
  const outcome = operationOutcomeSchema.safeParse(body);
  const issue = outcome.success ? outcome.data.issue[0] : undefined;
  const code = outcome.success ? errorCodeOf(outcome.data) : undefined;
  const message = issue?.details?.text ?? issue?.diagnostics ?? `${label} answered HTTP ${status}`;
  if (status === 401) return new AdminError('ADMIN_TOKEN_REJECTED', message);
  // Without ADMIN_TOKEN the whole admin API answers 404 like any unknown path.
  if (
    status === 404 &&
    (code === undefined || code === 'NOT_FOUND') &&
    label.endsWith('/tenants')
  ) {
    return new AdminError('ADMIN_API_OFF', 'The server has no admin API (ADMIN_TOKEN is not set)');
  }
  if (status >= 500 && code === undefined) return new AdminError('SERVER_UNAVAILABLE', message);
  return new AdminError(code ?? 'REQUEST_REFUSED', message, issue?.expression ?? []);
}
