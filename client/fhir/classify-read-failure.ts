/**
 * What a failed FHIR read means for the clinician:
 * - `session`: 401, the access token is no longer accepted → relaunch;
 * - `refused`: any other 4xx (typically 403 for a scope that was not granted) → that resource
 *   type is listed as unavailable and the rest is still shown;
 * - `unreachable`: network failure, timeout, rate limit or 5xx → worth retrying.
 */
export type ReadFailure = 'session' | 'refused' | 'unreachable';

export function classifyReadFailure(error: unknown): ReadFailure {
  const status = httpStatusOf(error);
  if (status === 401) return 'session';
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return 'refused';
  }
  return 'unreachable';
}

/** fhirclient's HttpError carries `status`; fetch network failures carry none. */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status: unknown = Reflect.get(error, 'status');
  return typeof status === 'number' ? status : undefined;
}
