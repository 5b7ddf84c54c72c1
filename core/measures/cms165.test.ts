import type { Condition, Observation, Patient } from 'fhir/r4';
import { expect, test } from 'vitest';
import {
  CODE,
  bpPanel,
  condition,
  context,
  encounter,
  inValueSet,
  measure,
  observation,
  patient,
  record,
} from './test-fixtures';

const cms165 = measure('CMS165');
const htn = () => condition(CODE.hypertension, { onset: '2018-03-01' });
const adult = patient('1960-05-05');

function evaluate(p: Patient, ...rest: (Condition | Observation)[]) {
  return cms165.evaluate(record(p, encounter({ start: '2026-06-01T09:00:00Z' }), ...rest), context);
}
const single = (code: typeof CODE.systolic | typeof CODE.diastolic, value: number, at: string) =>
  observation(code, { value, unit: 'mm[Hg]', at });

test('the test codes are in the library value sets', () => {
  expect(inValueSet(CODE.hypertension, 'htn-diagnoses')).toBe(true);
  expect(inValueSet(CODE.bpPanel, 'htn-blood-pressure')).toBe(true);
});

test('139/89 is controlled; 140/89 and 139/90 are not', () => {
  expect(evaluate(adult, htn(), bpPanel('2026-09-01T10:00:00Z', 139, 89))).toEqual([
    {
      subject: 'Patient/p1',
      patient: 'Patient/p1',
      inNumerator: true,
      reason: 'Latest blood pressure 139/89 mm[Hg] on 2026-09-01 (lowest of the day) < 140/90',
    },
  ]);
  expect(evaluate(adult, htn(), bpPanel('2026-09-01', 140, 89))[0]?.inNumerator).toBe(false);
  expect(evaluate(adult, htn(), bpPanel('2026-09-01', 139, 90))[0]?.inNumerator).toBe(false);
});

test('two readings on the last day: the lowest systolic and the lowest diastolic count', () => {
  const episodes = evaluate(
    adult,
    htn(),
    bpPanel('2026-09-01T08:00:00Z', 150, 85),
    bpPanel('2026-09-01T11:00:00Z', 135, 95),
  );
  expect(episodes[0]).toMatchObject({
    inNumerator: true,
    reason: 'Latest blood pressure 135/85 mm[Hg] on 2026-09-01 (lowest of the day) < 140/90',
  });
});

test('only the most recent day counts, not a controlled earlier one', () => {
  const episodes = evaluate(
    adult,
    htn(),
    bpPanel('2026-03-01', 120, 70),
    bpPanel('2026-09-01', 150, 95),
  );
  expect(episodes[0]).toMatchObject({
    inNumerator: false,
    reason: expect.stringContaining('150/95') as string,
  });
});

test('separate systolic and diastolic Observations are read too', () => {
  const episodes = evaluate(
    adult,
    htn(),
    single(CODE.systolic, 132, '2026-10-05T09:00:00Z'),
    single(CODE.diastolic, 84, '2026-10-05T09:00:00Z'),
    bpPanel('2026-08-01', 160, 100),
  );
  expect(episodes[0]).toMatchObject({
    inNumerator: true,
    reason: expect.stringContaining('132/84 mm[Hg] on 2026-10-05') as string,
  });
});

test('a day with only a systolic reading is not a blood-pressure day', () => {
  const episodes = evaluate(
    adult,
    htn(),
    single(CODE.systolic, 120, '2026-11-01'),
    bpPanel('2026-08-01', 150, 95),
  );
  expect(episodes[0]?.reason).toContain('150/95 mm[Hg] on 2026-08-01');
});

test('no blood pressure in the period: in the denominator, not the numerator', () => {
  expect(evaluate(adult, htn(), bpPanel('2025-12-31', 120, 70))[0]).toMatchObject({
    inNumerator: false,
    reason: 'No blood pressure in the period',
  });
});

test('entered-in-error and after-the-period readings are ignored', () => {
  const bad = { ...bpPanel('2026-12-01', 120, 70), status: 'entered-in-error' as const };
  const episodes = evaluate(
    adult,
    htn(),
    bpPanel('2026-06-01', 150, 95),
    bad,
    bpPanel('2027-01-01T00:00:00Z', 120, 70),
  );
  expect(episodes[0]).toMatchObject({
    inNumerator: false,
    reason: expect.stringContaining('2026-06-01') as string,
  });
});

test('age 85 on the last day is in, 86 and 17 are out; no hypertension is out', () => {
  expect(evaluate(patient('1941-12-31'), htn())).toHaveLength(1);
  expect(evaluate(patient('1940-12-31'), htn())).toEqual([]);
  expect(evaluate(patient('2009-01-01'), htn())).toEqual([]);
  expect(evaluate(adult, bpPanel('2026-09-01', 120, 70))).toEqual([]);
  expect(evaluate(adult, condition(CODE.hypertension, { onset: '2027-02-01' }))).toEqual([]);
});
