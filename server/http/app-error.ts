import { z } from 'zod';
/** Stable error codes of the app's APIs; clients and tests rely on them, never on messages alone. */
export type ErrorCode =
  | 'TENANT_NOT_REGISTERED'
  | 'TENANT_DISABLED'
  | 'TENANT_ALREADY_REGISTERED'
  | 'ISSUER_NOT_HTTPS'
  | 'DISCOVERY_UNREACHABLE'
  | 'DISCOVERY_INVALID'
  | 'SCOPE_NOT_SUPPORTED'
  | 'EHR_UNREACHABLE'
  | 'EHR_MISCONFIGURED'
  | 'SMART_ID_TOKEN_INVALID'
  | 'FHIR_USER_MISSING'
  | 'SESSION_REQUIRED'
  | 'SESSION_INVALID'
  | 'ENCOUNTER_NOT_ACCESSIBLE'
  | 'ENCOUNTER_PATIENT_MISMATCH'
  | 'CASE_UNKNOWN'
  | 'ANSWERS_INVALID'
  | 'REQUEST_INVALID'
  | 'CDS_PREFETCH_UNAVAILABLE'
  | 'BACKEND_SERVICES_NOT_CONFIGURED'
  | 'BACKEND_DISCOVERY_FAILED'
  | 'BACKEND_TOKEN_REJECTED'
  | 'BACKEND_TOKEN_INVALID'
  | 'BULK_EXPORT_FAILED'
  | 'BULK_EXPORT_TIMEOUT'
  | 'BULK_OUTPUT_OFF_ORIGIN'
  | 'BULK_OUTPUT_INVALID'
  | 'FHIR_SEARCH_FAILED'
  | 'FHIR_LINK_OFF_ORIGIN'
  | 'NOT_FOUND'
  | 'INTERNAL';

/** The one error type handlers throw; `renderError` turns it into an OperationOutcome. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    /** FHIRPath-ish location of the bad input, e.g. `iss` or `tenants[0].clientId`. */
    readonly expression?: string[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Turns a zod failure into the one error type, naming the first bad field. */
export function invalidRequest(error: z.ZodError): AppError {
  const first = error.issues[0];
  return new AppError(
    'REQUEST_INVALID',
    400,
    z.prettifyError(error),
    first ? [first.path.join('.') || '(body)'] : undefined,
  );
}
