import { expect, test } from 'vitest';
import { checkKickOff } from './bulk-export-request';

const ASYNC = { prefer: 'respond-async', accept: 'application/fhir+json' };

const check = (query: string, headers: { prefer?: string; accept?: string } = ASYNC) =>
  checkKickOff(new URLSearchParams(query), headers);

test('a kick-off without parameters exports every permitted type', () => {
  expect(check('')).toEqual({ ok: true, params: {} });
});

test('repeated _type values count as one comma-separated list, without duplicates', () => {
  expect(check('_type=Patient,Observation&_type=Condition&_type=Patient')).toEqual({
    ok: true,
    params: { types: ['Patient', 'Observation', 'Condition'] },
  });
});

test.each([
  ['2026-01-01T00:00:00Z', Date.UTC(2026, 0, 1)],
  ['2026-01-01T01:30:00.125+01:30', Date.UTC(2026, 0, 1, 0, 0, 0, 125)],
])('_since %s is an instant', (since, epochMs) => {
  expect(check(`_since=${encodeURIComponent(since)}`)).toEqual({
    ok: true,
    params: { since: epochMs },
  });
});

test.each([
  ['no Prefer header', '', { accept: 'application/fhir+json' }, /Prefer: respond-async/],
  ['Prefer without respond-async', '', { prefer: 'return=minimal' }, /Prefer: respond-async/],
  ['an XML Accept', '', { prefer: 'respond-async', accept: 'application/xml' }, /Accept/],
  ['an unsupported parameter', '_elements=id', ASYNC, /_elements is not supported/],
  ['_typeFilter', '_typeFilter=Observation%3Fstatus%3Dfinal', ASYNC, /_typeFilter/],
  ['a CSV output format', '_outputFormat=text%2Fcsv', ASYNC, /_outputFormat text\/csv/],
  ['two _since', '_since=2026-01-01T00:00:00Z&_since=2026-01-02T00:00:00Z', ASYNC, /once/],
  ['a date as _since', '_since=2026-01-01', ASYNC, /FHIR instant/],
  ['a _since without zone', '_since=2026-01-01T00:00:00', ASYNC, /FHIR instant/],
  ['a raw + in _since', '_since=2026-01-01T00:00:00+01:00', ASYNC, /FHIR instant/],
  ['an impossible _since', '_since=2026-02-30T00:00:00Z', ASYNC, /FHIR instant/],
  ['an empty _type entry', '_type=Patient,,Observation', ASYNC, /empty entry/],
] as const)('a kick-off with %s is refused', (_name, query, headers, message) => {
  const result = check(query, headers);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.outcome.issue[0]?.code).toBe('invalid');
  expect(result.outcome.issue[0]?.diagnostics).toMatch(message);
});

test.each(['application/fhir+json', '*/*', 'application/json, application/*;q=0.5', undefined])(
  'Accept %s allows the OperationOutcome answer',
  (accept) => {
    expect(check('', { prefer: 'respond-async', ...(accept && { accept }) }).ok).toBe(true);
  },
);
