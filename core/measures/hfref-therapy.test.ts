import type { Condition, MedicationRequest, Observation, Patient } from 'fhir/r4';
import { expect, test } from 'vitest';
import {
  CODE,
  condition,
  context,
  encounter,
  inValueSet,
  measure,
  observation,
  order,
  patient,
  record,
} from './test-fixtures';

const cms135 = measure('CMS135');
const cms144 = measure('CMS144');
const hf = () => condition(CODE.heartFailure, { onset: '2024-02-01' });
const ef = (value: number, at = '2025-11-10') => observation(CODE.lvef, { value, unit: '%', at });
const adult = patient('1958-04-04');

function run(
  m: typeof cms135,
  p: Patient,
  ...rest: (Condition | Observation | MedicationRequest)[]
) {
  return m.evaluate(record(p, encounter({ start: '2026-04-01T09:00:00Z' }), ...rest), context);
}

test('the test codes are in the library value sets', () => {
  expect(inValueSet(CODE.heartFailure, 'hfref-diagnoses')).toBe(true);
  expect(inValueSet(CODE.lvef, 'hfref-lvef')).toBe(true);
  expect(inValueSet(CODE.lisinopril, 'hfref-acei-arb-arni')).toBe(true);
  expect(inValueSet(CODE.metoprololSuccinate, 'hfref-beta-blockers')).toBe(true);
});

test('LVEF 40 % is reduced (in the denominator); 41 % is not', () => {
  expect(run(cms135, adult, hf(), ef(40))).toEqual([
    {
      subject: 'Patient/p1',
      patient: 'Patient/p1',
      inNumerator: false,
      reason:
        'LVEF 40 % on 2025-11-10; no ACE inhibitor, ARB or ARNI ordered in the period or active at its end',
    },
  ]);
  expect(run(cms135, adult, hf(), ef(41))).toEqual([]);
});

test('an LVEF on any date before the period end counts; one at or after the end does not', () => {
  expect(run(cms135, adult, hf(), ef(30, '2019-01-01'))).toHaveLength(1);
  expect(run(cms135, adult, hf(), ef(30, '2027-01-01T00:00:00Z'))).toEqual([]);
  expect(run(cms135, adult, hf(), { ...ef(30), status: 'entered-in-error' })).toEqual([]);
});

test('no heart failure diagnosis, age 17, or no attributed encounter: out', () => {
  expect(run(cms135, adult, ef(30))).toEqual([]);
  expect(run(cms135, patient('2009-01-01'), hf(), ef(30))).toEqual([]);
  expect(run(cms135, patient('2008-12-31'), hf(), ef(30))).toHaveLength(1);
  const theirs = encounter({ start: '2026-04-01', practitioner: 'Practitioner/other' });
  expect(cms135.evaluate(record(adult, theirs, hf(), ef(30)), context)).toEqual([]);
});

test('an ACE inhibitor authored the day before the period end is in the numerator', () => {
  const lisinopril = order(CODE.lisinopril, { authored: '2026-12-31', status: 'completed' });
  expect(run(cms135, adult, hf(), ef(30), lisinopril)[0]).toMatchObject({
    inNumerator: true,
    reason: 'LVEF 30 % on 2025-11-10; 314076 ordered on 2026-12-31',
  });
});

test('an order from before the period counts while active, not once completed', () => {
  const old = (status: MedicationRequest['status']) =>
    order(CODE.lisinopril, { authored: '2024-05-01', status });
  expect(run(cms135, adult, hf(), ef(30), old('active'))[0]?.inNumerator).toBe(true);
  expect(run(cms135, adult, hf(), ef(30), old('completed'))[0]?.inNumerator).toBe(false);
});

test('entered-in-error, cancelled, proposed, undated and after-the-period orders do not count', () => {
  const orders = [
    order(CODE.lisinopril, { authored: '2026-06-01', status: 'entered-in-error' }),
    order(CODE.lisinopril, { authored: '2026-06-01', status: 'cancelled' }),
    order(CODE.lisinopril, { authored: '2026-06-01', intent: 'proposal' }),
    order(CODE.lisinopril, {}),
    order(CODE.lisinopril, { authored: '2027-01-01T00:00:00Z' }),
  ];
  expect(run(cms135, adult, hf(), ef(30), ...orders)[0]?.inNumerator).toBe(false);
});

test('CMS144 counts an evidence-based beta-blocker, and not an ACE inhibitor', () => {
  const metoprolol = order(CODE.metoprololSuccinate, { authored: '2026-02-01', intent: 'plan' });
  const lisinopril = order(CODE.lisinopril, { authored: '2026-02-01' });
  expect(run(cms144, adult, hf(), ef(35), metoprolol)[0]?.inNumerator).toBe(true);
  expect(run(cms144, adult, hf(), ef(35), lisinopril)[0]).toMatchObject({
    inNumerator: false,
    reason:
      'LVEF 35 % on 2025-11-10; no evidence-based beta-blocker ordered in the period or active at its end',
  });
  expect(run(cms135, adult, hf(), ef(35), metoprolol)[0]?.inNumerator).toBe(false);
});
