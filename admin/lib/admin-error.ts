/** Codes the admin UI words on its own; the server's own codes pass through (core/wire/admin.ts). */
export type AdminErrorCode =
  | 'SERVER_UNAVAILABLE'
  | 'SERVER_INVALID'
  | 'ADMIN_API_OFF'
  | 'ADMIN_TOKEN_REJECTED'
  | (string & {});

/** What to do about each error, for the person at the admin page. */
const ADVICE: Record<string, string> = {
  ADMIN_API_OFF:
    'The admin API is off on this server. Set ADMIN_TOKEN (at least 32 characters) in its environment and restart it.',
  ADMIN_TOKEN_REJECTED:
    'Sign out, then sign in with the ADMIN_TOKEN the server runs with (it may have been changed).',
  SERVER_UNAVAILABLE: 'Check that the Chartside server is running and reachable, then try again.',
  SERVER_INVALID:
    'Reload the page: the server may have been updated since this page was loaded. If it persists, report the detail above.',
  TENANT_ALREADY_REGISTERED:
    'Open that EHR from the tenant list and edit it instead; each FHIR base is registered once.',
  ISSUER_NOT_HTTPS:
    'Use the EHR’s https:// FHIR base. Plain http:// is accepted only outside production.',
  DISCOVERY_UNREACHABLE:
    'Check the FHIR base (it must be exactly the iss the EHR sends) and that this server can reach the EHR’s .well-known/smart-configuration under it.',
  DISCOVERY_INVALID:
    'The EHR’s smart-configuration is missing required endpoints or is malformed. Check the FHIR base, or ask the EHR team to fix their discovery document.',
  SCOPE_NOT_SUPPORTED:
    'Remove the scopes this EHR does not list in scopes_supported, or ask the EHR team to enable them for Chartside.',
  REQUEST_INVALID: 'Correct the field named above and try again.',
  TENANT_NOT_REGISTERED: 'Go back to the tenant list: this EHR is no longer registered.',
  NOT_FOUND: 'Go back to the tenant list and open it again: it may have been removed.',
};

/** A failed admin API call: the server's stable code and message, and the fields it names. */
export class AdminError extends Error {
  override readonly name = 'AdminError';

  constructor(
    readonly code: AdminErrorCode,
    message: string,
    readonly fields: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** What the person can do next. */
  get advice(): string {
    return ADVICE[this.code] ?? 'Try again. If it keeps failing, check the server log.';
  }

  static from(error: unknown): AdminError {
    if (error instanceof AdminError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return new AdminError('SERVER_UNAVAILABLE', `Unexpected failure: ${detail}`, [], {
      cause: error,
    });
  }
}

/** The form field an OperationOutcome expression points at: `frameOrigins[1]` → `frameOrigins`. */
export function fieldOf(expression: string): string {
  return expression.split(/[.[]/)[0] ?? expression;
}
