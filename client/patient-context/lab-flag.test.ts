import type { Observation } from 'fhir/r4';
import { expect, test } from 'vitest';
import { labFlag } from './lab-flag';

const result = (value: number, extra: Partial<Observation> = {}): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { text: 'Potassium' },
  valueQuantity: { value, unit: 'mmol/L', code: 'mmol/L' },
  referenceRange: [{ low: { value: 3.5, code: 'mmol/L' }, high: { value: 5.1, code: 'mmol/L' } }],
  ...extra,
});

test('flags results above or below the reference range, not on its bounds', () => {
  expect(labFlag(result(5.6))).toBe('high');
  expect(labFlag(result(3.1))).toBe('low');
  expect(labFlag(result(5.1))).toBeUndefined();
  expect(labFlag(result(3.5))).toBeUndefined();
});

test('does not compare a range written in another unit', () => {
  const range = [{ high: { value: 20, code: 'mg/dL' } }];
  expect(labFlag(result(5.6, { referenceRange: range }))).toBeUndefined();
});

test('falls back to the interpretation code when there is no range', () => {
  const interpretation = [{ coding: [{ code: 'H' }] }];
  expect(labFlag(result(9, { referenceRange: undefined, interpretation }))).toBe('high');
});
