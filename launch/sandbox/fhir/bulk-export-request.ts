import type { OperationOutcome } from 'fhir/r4';
import { outcome } from './operation-outcome';

/** The kick-off parameters of a $export, checked (Bulk Data Access IG 2.0.0 §Query Parameters). */
export interface ExportParams {
  /** `_type`, repeated values merged; undefined: every type the token allows. */
  types?: string[];
  /** `_since` in epoch milliseconds. */
  since?: number;
}

export type KickOffCheck =
  { ok: true; params: ExportParams } | { ok: false; outcome: OperationOutcome };

/** The three spellings a server SHALL accept for NDJSON (§Query Parameters, `_outputFormat`). */
const NDJSON_FORMATS = new Set(['application/fhir+ndjson', 'application/ndjson', 'ndjson']);
const SUPPORTED = new Set(['_type', '_since', '_outputFormat']);

/**
 * FHIR `instant` (R4 datatypes §instant): seconds and a time zone are required. A `+` offset must
 * be sent percent-encoded; a raw one arrives as a space and is refused here.
 */
const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

const refuse = (diagnostics: string): KickOffCheck => ({
  ok: false,
  outcome: outcome('invalid', diagnostics),
});

/**
 * Checks a kick-off request's headers and query (§Bulk Data Kick-off Request): `Prefer:
 * respond-async` is required, `Accept` if sent must allow `application/fhir+json`, and any
 * parameter this server does not support is refused rather than ignored (no `handling=lenient`).
 */
export function checkKickOff(
  query: URLSearchParams,
  headers: { prefer?: string; accept?: string },
): KickOffCheck {
  const prefer = (headers.prefer ?? '').split(',').map((p) => p.trim().toLowerCase());
  if (!prefer.includes('respond-async')) {
    return refuse('$export runs asynchronously: send the header Prefer: respond-async');
  }
  if (headers.accept !== undefined && !acceptsFhirJson(headers.accept)) {
    return refuse('Accept must be application/fhir+json for $export');
  }
  for (const name of new Set(query.keys())) {
    if (!SUPPORTED.has(name)) return refuse(`The parameter ${name} is not supported by $export`);
  }
  for (const name of ['_since', '_outputFormat']) {
    if (query.getAll(name).length > 1) return refuse(`${name} may be given only once`);
  }
  const format = query.get('_outputFormat');
  if (format !== null && !NDJSON_FORMATS.has(format)) {
    return refuse(`_outputFormat ${format} is not supported; use application/fhir+ndjson`);
  }
  const params: ExportParams = {};
  const sinceText = query.get('_since');
  if (sinceText !== null) {
    const since = Date.parse(sinceText);
    if (!INSTANT.test(sinceText) || Number.isNaN(since) || !isCalendarDate(sinceText)) {
      return refuse('_since must be a FHIR instant such as 2026-01-01T00:00:00Z');
    }
    params.since = since;
  }
  if (query.has('_type')) {
    // §Bulk Data Kick-off Request: repeated values count as one comma-separated list.
    const types = query.getAll('_type').flatMap((value) => value.split(','));
    if (types.some((type) => type.trim() === '')) return refuse('_type has an empty entry');
    params.types = [...new Set(types.map((type) => type.trim()))];
  }
  return { ok: true, params };
}

/** Date.parse rolls 2026-02-30 over into March; a calendar date must exist as written. */
function isCalendarDate(instant: string): boolean {
  const [year, month, day] = instant.slice(0, 10).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether an Accept header allows application/fhir+json (RFC 9110 §12.5.1 media ranges). */
function acceptsFhirJson(accept: string): boolean {
  return accept
    .split(',')
    .map((range) => range.split(';')[0]?.trim().toLowerCase())
    .some(
      (range) => range === 'application/fhir+json' || range === 'application/*' || range === '*/*',
    );
}
