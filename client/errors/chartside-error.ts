/** Stable codes the UI keys its messages on; tests assert them. */
export const CHARTSIDE_ERROR_CODES = [
  // The launch and the chart (FHIR reads).
  'SESSION_EXPIRED',
  'LAUNCH_MISSING',
  'PATIENT_MISMATCH',
  'FHIR_UNAVAILABLE',
  'LIBRARY_UNAVAILABLE',
  'LIBRARY_INVALID',
  // Chartside's own server: transport and answers it could not read.
  'SERVER_UNAVAILABLE',
  'SERVER_INVALID',
  'REQUEST_REFUSED',
  // Signing in to Chartside's server with the launch's id_token (`POST /api/session`).
  'ID_TOKEN_MISSING',
  'SMART_ID_TOKEN_INVALID',
  'TENANT_NOT_REGISTERED',
  'TENANT_DISABLED',
  'FHIR_USER_MISSING',
  'SESSION_REQUIRED',
  'SESSION_INVALID',
  // Recording a completion (`POST /api/completions`).
  'EHR_UNREACHABLE',
  'ENCOUNTER_MISSING',
  'ENCOUNTER_NOT_ACCESSIBLE',
  'ENCOUNTER_PATIENT_MISMATCH',
  'CASE_UNKNOWN',
  'ANSWERS_INVALID',
] as const;

export type ChartsideErrorCode = (typeof CHARTSIDE_ERROR_CODES)[number];

export function isChartsideErrorCode(code: string | undefined): code is ChartsideErrorCode {
  return CHARTSIDE_ERROR_CODES.some((known) => known === code);
}

/** Network or server trouble: trying again can help. */
export const RETRYABLE_ERROR_CODES: ReadonlySet<ChartsideErrorCode> = new Set([
  'FHIR_UNAVAILABLE',
  'LIBRARY_UNAVAILABLE',
  'SERVER_UNAVAILABLE',
  'EHR_UNREACHABLE',
]);

/** Only opening Chartside again from the chart helps: the launch or its sign-in is not usable. */
export const RELAUNCH_ERROR_CODES: ReadonlySet<ChartsideErrorCode> = new Set([
  'SESSION_EXPIRED',
  'LAUNCH_MISSING',
  'ID_TOKEN_MISSING',
  'SMART_ID_TOKEN_INVALID',
  'TENANT_NOT_REGISTERED',
  'TENANT_DISABLED',
  'FHIR_USER_MISSING',
  'SESSION_REQUIRED',
  'SESSION_INVALID',
]);

/**
 * The one error type of the app. `message` is for developers (never a token or a patient
 * identifier); the clinician sees the translated text for `code`.
 */
export class ChartsideError extends Error {
  override readonly name = 'ChartsideError';

  constructor(
    readonly code: ChartsideErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Anything that is not already a ChartsideError is treated as a transient failure. */
  static from(error: unknown): ChartsideError {
    if (error instanceof ChartsideError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return new ChartsideError('FHIR_UNAVAILABLE', `Unexpected failure: ${detail}`, {
      cause: error,
    });
  }
}
