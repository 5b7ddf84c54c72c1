import { expect, test } from 'vitest';
import { attributedEncounters, refersTo } from './attribution';
import { ME, context, encounter, patient, record } from './test-fixtures';

const ids = (r: ReturnType<typeof record>, by?: 'start' | 'end') =>
  attributedEncounters(r, context, by).map((e) => e.id);

test('an encounter starting exactly at period.start is in, one at period.end is out', () => {
  const first = encounter({ start: '2026-01-01T00:00:00Z' });
  const atEnd = encounter({ start: '2027-01-01T00:00:00Z' });
  const lastMs = encounter({ start: '2026-12-31T23:59:59.999Z' });
  const before = encounter({ start: '2025-12-31T23:59:59Z' });
  expect(ids(record(patient('1970-01-01'), first, atEnd, lastMs, before))).toEqual([
    first.id,
    lastMs.id,
  ]);
});

test("another clinician's encounter is not attributed", () => {
  const theirs = encounter({ start: '2026-03-01', practitioner: 'Practitioner/someone-else' });
  // A suffix of another id must not match either.
  const similar = encounter({ start: '2026-03-01', practitioner: 'Practitioner/x-dr-me' });
  expect(ids(record(patient('1970-01-01'), theirs, similar))).toEqual([]);
});

test('an absolute Practitioner URL is accepted', () => {
  const absolute = encounter({
    start: '2026-03-01',
    practitioner: `https://ehr.example.org/fhir/${ME}`,
  });
  expect(ids(record(patient('1970-01-01'), absolute))).toEqual([absolute.id]);
  expect(refersTo({ reference: 'https://ehr.example.org/fhir/Practitioner/dr-me' }, ME)).toBe(true);
  expect(refersTo({ reference: 'Practitioner/dr-me-2' }, ME)).toBe(false);
});

test('cancelled and entered-in-error encounters are not attributed', () => {
  const cancelled = encounter({ start: '2026-03-01', status: 'cancelled' });
  const error = encounter({ start: '2026-03-01', status: 'entered-in-error' });
  const planned = encounter({ start: '2026-03-01', status: 'in-progress' });
  expect(ids(record(patient('1970-01-01'), cancelled, error, planned))).toEqual([planned.id]);
});

test('by end: the encounter must end in the period; an open one is not counted', () => {
  const endsIn = encounter({ start: '2025-12-30', end: '2026-01-02' });
  const endsAfter = encounter({ start: '2026-12-30', end: '2027-01-01T00:00:00Z' });
  const open = encounter({ start: '2026-12-30' });
  const r = record(patient('1970-01-01'), endsIn, endsAfter, open);
  expect(ids(r, 'end')).toEqual([endsIn.id]);
});
