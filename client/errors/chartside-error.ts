/** Stable codes the UI keys its messages on; tests assert them. */
export type ChartsideErrorCode =
  | 'SESSION_EXPIRED'
  | 'LAUNCH_MISSING'
  | 'PATIENT_MISMATCH'
  | 'FHIR_UNAVAILABLE'
  | 'LIBRARY_UNAVAILABLE'
  | 'LIBRARY_INVALID';

export const CHARTSIDE_ERROR_CODES: readonly ChartsideErrorCode[] = [
  'SESSION_EXPIRED',
  'LAUNCH_MISSING',
  'PATIENT_MISMATCH',
  'FHIR_UNAVAILABLE',
  'LIBRARY_UNAVAILABLE',
  'LIBRARY_INVALID',
];

/** Network or server trouble: trying again can help. */
export const RETRYABLE_ERROR_CODES: ReadonlySet<ChartsideErrorCode> = new Set([
  'FHIR_UNAVAILABLE',
  'LIBRARY_UNAVAILABLE',
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
