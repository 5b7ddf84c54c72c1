import type { Condition, Observation, Patient } from 'fhir/r4';
import { expect, test } from 'vitest';
import {
  CODE,
  condition,
  context,
  encounter,
  inValueSet,
  measure,
  observation,
  patient,
  record,
} from './test-fixtures';

const cms122 = measure('CMS122');
const visit = () => encounter({ start: '2026-06-01T09:00:00Z' });
const diabetes = (o: Parameters<typeof condition>[1] = { onset: '2020-01-01' }) =>
  condition(CODE.diabetes, o);
const a1c = (value: number, at: string, o: Partial<Parameters<typeof observation>[1]> = {}) =>
  observation(CODE.hba1c, { value, at, unit: '%', ...o });

function evaluate(p: Patient, ...rest: (Condition | Observation)[]) {
  return cms122.evaluate(record(p, visit(), ...rest), context);
}
const adult = patient('1970-05-05');

test('the test codes are in the library value sets', () => {
  expect(inValueSet(CODE.diabetes, 't2dm-diagnoses')).toBe(true);
  expect(inValueSet(CODE.hba1c, 't2dm-hba1c')).toBe(true);
});

test('age 18 and 75 on the last day of the period are in; 17 and 76 are out', () => {
  // The period's last day is 2026-12-31.
  expect(evaluate(patient('2008-12-31'), diabetes())).toHaveLength(1);
  expect(evaluate(patient('1951-12-31'), diabetes())).toHaveLength(1);
  expect(evaluate(patient('1951-01-01'), diabetes())).toHaveLength(1);
  expect(evaluate(patient('2009-01-01'), diabetes())).toEqual([]);
  expect(evaluate(patient('1950-12-31'), diabetes())).toEqual([]);
  expect(evaluate({ resourceType: 'Patient', id: 'p1' }, diabetes())).toEqual([]);
});

test('no diabetes diagnosis, or one entered in error, refuted, or after the period: out', () => {
  expect(evaluate(adult)).toEqual([]);
  expect(
    evaluate(adult, diabetes({ onset: '2020-01-01', verification: 'entered-in-error' })),
  ).toEqual([]);
  expect(evaluate(adult, diabetes({ onset: '2020-01-01', verification: 'refuted' }))).toEqual([]);
  expect(evaluate(adult, diabetes({ onset: '2027-01-01T00:00:00Z' }))).toEqual([]);
  expect(evaluate(adult, diabetes({}))).toEqual([]);
  expect(evaluate(adult, diabetes({ recorded: '2026-12-31' }))).toHaveLength(1);
});

test('a diagnosis resolved before the period start is out; resolved during the period is in', () => {
  const resolved = (abated?: string) =>
    diabetes({ onset: '2015-01-01', clinical: 'resolved', ...(abated && { abated }) });
  expect(evaluate(adult, resolved('2025-12-31'))).toEqual([]);
  expect(evaluate(adult, resolved())).toEqual([]);
  expect(evaluate(adult, resolved('2026-02-01'))).toHaveLength(1);
});

test("only the clinician's encounter in the period attributes the patient", () => {
  const theirs = encounter({ start: '2026-06-01', practitioner: 'Practitioner/other' });
  const lastYear = encounter({ start: '2025-06-01' });
  expect(cms122.evaluate(record(adult, theirs, lastYear, diabetes()), context)).toEqual([]);
});

test('HbA1c exactly 9.0 % is not poor control; 9.1 % is', () => {
  expect(evaluate(adult, diabetes(), a1c(9.0, '2026-05-02'))).toEqual([
    {
      subject: 'Patient/p1',
      patient: 'Patient/p1',
      inNumerator: false,
      reason: 'Latest HbA1c 9 % on 2026-05-02 ≤ 9 %',
    },
  ]);
  expect(evaluate(adult, diabetes(), a1c(9.1, '2026-05-02'))[0]).toMatchObject({
    inNumerator: true,
    reason: 'Latest HbA1c 9.1 % on 2026-05-02 > 9 %',
  });
});

test('no HbA1c in the period puts the patient in the (inverse) numerator', () => {
  expect(evaluate(adult, diabetes(), a1c(7, '2025-12-31'))[0]).toMatchObject({
    inNumerator: true,
    reason: 'No HbA1c in the period',
  });
});

test('the most recent HbA1c in the period counts, not an earlier high one', () => {
  const episodes = evaluate(adult, diabetes(), a1c(7.2, '2026-10-01'), a1c(10.4, '2026-03-01'));
  expect(episodes[0]).toMatchObject({
    inNumerator: false,
    reason: 'Latest HbA1c 7.2 % on 2026-10-01 ≤ 9 %',
  });
});

test('entered-in-error, valueless, undated, non-% and after-the-period HbA1c are ignored', () => {
  const episodes = evaluate(
    adult,
    diabetes(),
    a1c(10, '2026-03-01'),
    a1c(6.5, '2026-11-01', { status: 'entered-in-error' }),
    observation(CODE.hba1c, { at: '2026-11-02', status: 'final' }),
    observation(CODE.hba1c, { value: 6.5, unit: '%' }),
    a1c(48, '2026-11-03', { unit: 'mmol/mol' }),
    a1c(6.5, '2027-01-01T00:00:00Z'),
  );
  expect(episodes[0]).toMatchObject({
    inNumerator: true,
    reason: 'Latest HbA1c 10 % on 2026-03-01 > 9 %',
  });
});

test('the same record evaluates alike for another period (the index is period-free)', () => {
  const r = record(
    adult,
    encounter({ start: '2025-06-01' }),
    visit(),
    diabetes(),
    a1c(9.5, '2025-07-01'),
    a1c(8, '2026-07-01'),
  );
  const in2025 = {
    ...context,
    period: { start: new Date('2025-01-01T00:00:00Z'), end: new Date('2026-01-01T00:00:00Z') },
  };
  expect(cms122.evaluate(r, in2025)[0]?.inNumerator).toBe(true);
  expect(cms122.evaluate(r, context)[0]?.inNumerator).toBe(false);
});
