import type { Condition, Encounter, MedicationAdministration, Observation, Patient } from 'fhir/r4';
import { expect, test } from 'vitest';
import {
  CODE,
  condition,
  context,
  dose,
  encounter,
  inValueSet,
  measure,
  observation,
  patient,
  record,
} from './test-fixtures';

const sep1 = measure('SEP-1');
const adult = patient('1966-03-03');
const ZERO = Date.parse('2026-07-10T14:00:00Z');
/** Minutes from time zero as a dateTime. */
const t = (minutes: number) => new Date(ZERO + minutes * 60_000).toISOString();

type Resource = Encounter | Condition | Observation | MedicationAdministration;

/** An ED encounter with a sepsis diagnosis at time zero and, unless replaced, a compliant bundle. */
function visit(
  o: {
    omit?: ('lactate' | 'culture' | 'antibiotic')[];
    add?: (e: Encounter) => Resource[];
    p?: Patient;
    encounter?: Partial<Parameters<typeof encounter>[0]>;
  } = {},
) {
  const e = encounter({ start: t(-60), end: t(600), classCode: 'EMER', ...o.encounter });
  const omit = new Set(o.omit);
  const resources: Resource[] = [
    e,
    condition(CODE.sepsis, { onset: t(0), encounter: e }),
    ...(omit.has('lactate')
      ? []
      : [observation(CODE.lactate, { at: t(20), value: 4.1, unit: 'mmol/L', encounter: e })]),
    ...(omit.has('culture')
      ? []
      : [observation(CODE.bloodCulture, { at: t(30), status: 'registered', encounter: e })]),
    ...(omit.has('antibiotic')
      ? []
      : [dose(CODE.piperacillinTazobactam, { at: t(50), encounter: e })]),
    ...(o.add?.(e) ?? []),
  ];
  return { e, episodes: sep1.evaluate(record(o.p ?? adult, ...resources), context) };
}

test('the test codes are in the library value sets', () => {
  expect(inValueSet(CODE.sepsis, 'sepsis-diagnoses')).toBe(true);
  expect(inValueSet(CODE.lactate, 'sepsis-lactate')).toBe(true);
  expect(inValueSet(CODE.bloodCulture, 'sepsis-blood-culture')).toBe(true);
  expect(inValueSet(CODE.piperacillinTazobactam, 'sepsis-antibiotics')).toBe(true);
  expect(inValueSet(CODE.vancomycin, 'sepsis-antibiotics')).toBe(true);
});

test('lactate, culture before antibiotics and antibiotics within 3 h: in the numerator', () => {
  const { e, episodes } = visit();
  expect(episodes).toEqual([
    {
      subject: `Encounter/${e.id ?? ''}`,
      patient: 'Patient/p1',
      inNumerator: true,
      reason:
        'Lactate, blood culture before antibiotics, first antibiotic 0 h 50 min after time zero',
    },
  ]);
});

test('a culture drawn after the first antibiotic fails', () => {
  const { episodes } = visit({
    omit: ['culture'],
    add: (e) => [observation(CODE.bloodCulture, { at: t(51), status: 'registered', encounter: e })],
  });
  expect(episodes[0]).toMatchObject({
    inNumerator: false,
    reason: 'Missed: no blood culture before the first antibiotic',
  });
});

test('the first antibiotic at 3 h 1 min fails; at exactly 3 h it passes', () => {
  const late = visit({
    omit: ['antibiotic'],
    add: (e) => [dose(CODE.vancomycin, { at: t(181), encounter: e })],
  });
  expect(late.episodes[0]).toMatchObject({
    inNumerator: false,
    reason: 'Missed: first antibiotic 3 h 1 min after time zero (> 3 h)',
  });
  const onTime = visit({
    omit: ['antibiotic'],
    add: (e) => [dose(CODE.vancomycin, { at: t(180), encounter: e })],
  });
  expect(onTime.episodes[0]?.inNumerator).toBe(true);
});

test('no antibiotic at all fails', () => {
  expect(visit({ omit: ['antibiotic'] }).episodes[0]).toMatchObject({
    inNumerator: false,
    reason: 'Missed: no antibiotic given',
  });
});

test('the lactate window runs from 6 h before to 3 h after time zero', () => {
  const at = (minutes: number) =>
    visit({
      omit: ['lactate'],
      add: (e) => [
        observation(CODE.lactate, { at: t(minutes), value: 2.5, unit: 'mmol/L', encounter: e }),
      ],
    }).episodes[0]?.inNumerator;
  expect(at(-360)).toBe(true);
  expect(at(-361)).toBe(false);
  expect(at(180)).toBe(true);
  expect(at(181)).toBe(false);
});

test('entered-in-error or not-done antibiotics do not count as the first one', () => {
  const { episodes } = visit({
    omit: ['culture'],
    add: (e) => [
      dose(CODE.vancomycin, { at: t(10), encounter: e, status: 'entered-in-error' }),
      dose(CODE.vancomycin, { at: t(15), encounter: e, status: 'not-done' }),
      observation(CODE.bloodCulture, { at: t(20), status: 'registered', encounter: e }),
    ],
  });
  expect(episodes[0]?.inNumerator).toBe(true);
});

test('entered-in-error lactate and cultures are ignored', () => {
  const { episodes } = visit({
    omit: ['lactate', 'culture'],
    add: (e) => [
      observation(CODE.lactate, {
        at: t(5),
        value: 3,
        unit: 'mmol/L',
        encounter: e,
        status: 'entered-in-error',
      }),
      observation(CODE.bloodCulture, { at: t(5), encounter: e, status: 'entered-in-error' }),
    ],
  });
  expect(episodes[0]?.reason).toBe(
    'Missed: no lactate from 6 h before to 3 h after time zero; no blood culture before the first antibiotic',
  );
});

test('an antibiotic given on another encounter is not this encounter’s first', () => {
  const other = encounter({
    start: '2026-07-01T00:00:00Z',
    end: '2026-07-02T00:00:00Z',
    classCode: 'EMER',
  });
  const { episodes } = visit({
    add: () => [other, dose(CODE.vancomycin, { at: t(-30), encounter: other })],
  });
  expect(episodes[0]?.inNumerator).toBe(true);
});

test('time zero falls back to the recorded date of the sepsis condition', () => {
  const e = encounter({ start: t(-60), end: t(600), classCode: 'EMER' });
  const r = record(
    adult,
    e,
    condition(CODE.sepsis, { recorded: t(0), encounter: e }),
    observation(CODE.lactate, { at: t(-300), value: 2.2, unit: 'mmol/L' }),
    observation(CODE.bloodCulture, { at: t(100), encounter: e, status: 'registered' }),
    dose(CODE.piperacillinTazobactam, { at: t(170), encounter: e }),
  );
  expect(sep1.evaluate(r, context)[0]?.inNumerator).toBe(true);
});

test('no linked sepsis diagnosis, another clinician, an ambulatory visit or age 17: out', () => {
  const unlinked = encounter({ start: t(-60), classCode: 'EMER' });
  expect(
    sep1.evaluate(record(adult, unlinked, condition(CODE.sepsis, { onset: t(0) })), context),
  ).toEqual([]);
  expect(visit({ encounter: { practitioner: 'Practitioner/other' } }).episodes).toEqual([]);
  expect(visit({ encounter: { classCode: 'AMB' } }).episodes).toEqual([]);
  expect(visit({ p: patient('2008-07-11') }).episodes).toEqual([]);
  expect(visit({ encounter: { status: 'entered-in-error' } }).episodes).toEqual([]);
  expect(visit({ p: patient('2008-07-10') }).episodes).toHaveLength(1);
});

test('a diagnosis entered in error gives no episode; data after the period end is ignored', () => {
  const e = encounter({ start: '2026-12-31T22:00:00Z', classCode: 'EMER' });
  const zero = Date.parse('2026-12-31T23:00:00Z');
  const at = (minutes: number) => new Date(zero + minutes * 60_000).toISOString();
  const r = record(
    adult,
    e,
    condition(CODE.sepsis, { onset: at(0), encounter: e }),
    observation(CODE.lactate, { at: at(70), value: 4, unit: 'mmol/L', encounter: e }),
    observation(CODE.bloodCulture, { at: at(10), encounter: e, status: 'registered' }),
    dose(CODE.piperacillinTazobactam, { at: at(30), encounter: e }),
  );
  expect(sep1.evaluate(r, context)[0]).toMatchObject({
    inNumerator: false,
    reason: 'Missed: no lactate from 6 h before to 3 h after time zero',
  });
  const voided = record(
    adult,
    e,
    condition(CODE.sepsis, { onset: at(0), encounter: e, verification: 'entered-in-error' }),
  );
  expect(sep1.evaluate(voided, context)).toEqual([]);
});
