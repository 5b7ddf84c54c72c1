import type { Encounter, MedicationRequest, Patient } from 'fhir/r4';
import { expect, test } from 'vitest';
import {
  CODE,
  context,
  encounter,
  inValueSet,
  measure,
  order,
  patient,
  record,
} from './test-fixtures';

const cms506 = measure('CMS506');
const adult = patient('1980-02-02');
const stay = (o: Partial<Parameters<typeof encounter>[0]> = {}) =>
  encounter({ start: '2026-05-01T08:00:00Z', end: '2026-05-04T12:00:00Z', classCode: 'IMP', ...o });
const rx = (
  code: Parameters<typeof order>[0],
  at: Encounter,
  o: Partial<Parameters<typeof order>[1]> = {},
) => order(code, { authored: '2026-05-04T10:00:00Z', encounter: at, ...o });

function run(p: Patient, ...resources: (Encounter | MedicationRequest)[]) {
  return cms506.evaluate(record(p, ...resources), context);
}

test('the test codes are in the library value sets', () => {
  expect(inValueSet(CODE.oxycodoneApap, 'opioids-analgesics')).toBe(true);
  expect(inValueSet(CODE.tramadol, 'opioids-analgesics')).toBe(true);
  expect(inValueSet(CODE.alprazolam, 'opioids-benzodiazepines')).toBe(true);
});

test('an inpatient stay with one opioid is in the denominator only', () => {
  const e = stay();
  expect(run(adult, e, rx(CODE.oxycodoneApap, e))).toEqual([
    {
      subject: `Encounter/${e.id ?? ''}`,
      patient: 'Patient/p1',
      inNumerator: false,
      reason: 'One opioid (1049221), no benzodiazepine',
    },
  ]);
});

test('an opioid with a benzodiazepine on the same encounter is in the (inverse) numerator', () => {
  const e = stay({ classCode: 'EMER' });
  expect(run(adult, e, rx(CODE.oxycodoneApap, e), rx(CODE.alprazolam, e))[0]).toMatchObject({
    inNumerator: true,
    reason: 'Opioid (1049221) with a benzodiazepine (308048)',
  });
});

test('two different opioids are in the numerator; the same opioid twice is not', () => {
  const e = stay();
  expect(run(adult, e, rx(CODE.oxycodoneApap, e), rx(CODE.tramadol, e))[0]).toMatchObject({
    inNumerator: true,
    reason: '2 different opioids (1049221, 835603)',
  });
  expect(run(adult, e, rx(CODE.oxycodoneApap, e), rx(CODE.oxycodoneApap, e))[0]?.inNumerator).toBe(
    false,
  );
});

test('each qualifying encounter is its own episode; orders count only on their encounter', () => {
  const first = stay();
  const second = stay({ start: '2026-08-01T08:00:00Z', end: '2026-08-02T08:00:00Z' });
  const episodes = run(
    adult,
    first,
    second,
    rx(CODE.oxycodoneApap, first),
    rx(CODE.oxycodoneApap, second),
    rx(CODE.alprazolam, second),
  );
  expect(episodes.map((e) => [e.subject, e.inNumerator])).toEqual([
    [`Encounter/${first.id ?? ''}`, false],
    [`Encounter/${second.id ?? ''}`, true],
  ]);
});

test('ambulatory, unlinked, other-clinician, unfinished or after-the-period encounters are out', () => {
  const clinic = stay({ classCode: 'AMB' });
  const theirs = stay({ practitioner: 'Practitioner/other' });
  const open = encounter({ start: '2026-12-30T08:00:00Z', classCode: 'IMP' });
  const endsAtEnd = stay({ start: '2026-12-30T08:00:00Z', end: '2027-01-01T00:00:00Z' });
  const unlinked = stay();
  expect(
    run(
      adult,
      clinic,
      theirs,
      open,
      endsAtEnd,
      unlinked,
      rx(CODE.oxycodoneApap, clinic),
      rx(CODE.oxycodoneApap, theirs),
      rx(CODE.oxycodoneApap, open),
      rx(CODE.oxycodoneApap, endsAtEnd, { authored: '2026-12-31T08:00:00Z' }),
      order(CODE.oxycodoneApap, { authored: '2026-05-04' }),
    ),
  ).toEqual([]);
});

test('a stay that began before the period but ended in it counts', () => {
  const e = stay({ start: '2025-12-30T08:00:00Z', end: '2026-01-02T08:00:00Z' });
  expect(
    run(adult, e, rx(CODE.oxycodoneApap, e, { authored: '2026-01-01T08:00:00Z' })),
  ).toHaveLength(1);
});

test('a patient under 18 at the encounter start is out; 18 that day is in', () => {
  const e = stay();
  expect(run(patient('2008-05-02'), e, rx(CODE.oxycodoneApap, e))).toEqual([]);
  expect(run(patient('2008-05-01'), e, rx(CODE.oxycodoneApap, e))).toHaveLength(1);
});

test('entered-in-error or cancelled orders and orders after the period end are ignored', () => {
  const e = stay();
  const episodes = run(
    adult,
    e,
    rx(CODE.oxycodoneApap, e),
    rx(CODE.alprazolam, e, { status: 'entered-in-error' }),
    rx(CODE.tramadol, e, { status: 'cancelled' }),
    rx(CODE.alprazolam, e, { authored: '2027-01-01T00:00:00Z' }),
  );
  expect(episodes[0]?.inNumerator).toBe(false);
  expect(run(adult, e, rx(CODE.oxycodoneApap, e, { status: 'entered-in-error' }))).toEqual([]);
});
