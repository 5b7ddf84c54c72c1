import type { Credit } from '../../core/wire/completion';
import type { ChartsideError, ChartsideErrorCode } from '../errors/chartside-error';

/** What became of one finished attempt sent for credit in this launch. */
export type CreditOutcome =
  | { status: 'sending' }
  /** The server recorded it: with credit, or with the reasons there is none (`denials`). */
  | { status: 'recorded'; credit: Credit; receipt: string }
  /** Kept on this device to be sent again (network, server trouble, or a sign-in to renew). */
  | { status: 'pending'; error: ChartsideError }
  /** Refused for good: kept on this device for the record, never sent again. */
  | { status: 'refused'; error: ChartsideError };

/**
 * Answers after which sending the same attempt again cannot succeed: the encounter is not
 * this launch's or not readable, the case version is gone, the answers do not fit it, or the
 * server refused the request as such (4xx other than 401, 408 and 429).
 */
export const FINAL_CODES: ReadonlySet<ChartsideErrorCode> = new Set([
  'ENCOUNTER_MISSING',
  'ENCOUNTER_NOT_ACCESSIBLE',
  'ENCOUNTER_PATIENT_MISMATCH',
  'CASE_UNKNOWN',
  'ANSWERS_INVALID',
  'REQUEST_REFUSED',
]);
