import type { Observation } from 'fhir/r4';
import { expect, test } from 'vitest';
import {
  ageInYears,
  codeLabel,
  formatDateTime,
  observationFlag,
  observationValue,
  referenceRangeText,
} from './chart-format';

const observation = (fields: Partial<Observation>): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { text: 'Test' },
  ...fields,
});

test('the lab interpretation decides the flag before the reference range does', () => {
  const lowByLab = observation({
    valueQuantity: { value: 9 },
    referenceRange: [{ high: { value: 5 } }],
    interpretation: [{ coding: [{ code: 'L' }] }],
  });
  expect(observationFlag(lowByLab)).toBe('Low');
});

test('a value outside its reference range is flagged and one inside is not', () => {
  const range = [{ low: { value: 3.5, unit: 'mmol/L' }, high: { value: 5.1, unit: 'mmol/L' } }];
  expect(
    observationFlag(observation({ valueQuantity: { value: 3.1 }, referenceRange: range })),
  ).toBe('Low');
  expect(
    observationFlag(observation({ valueQuantity: { value: 4 }, referenceRange: range })),
  ).toBeUndefined();
  expect(referenceRangeText(observation({ referenceRange: range }))).toBe('3.5–5.1 mmol/L');
});

test('a blood pressure panel reads systolic over diastolic and flags a high component', () => {
  const bp = observation({
    component: [
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
        valueQuantity: { value: 95, unit: 'mm[Hg]' },
      },
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
        valueQuantity: { value: 162, unit: 'mm[Hg]' },
        referenceRange: [{ high: { value: 139 } }],
      },
    ],
  });
  expect(observationValue(bp)).toBe('162/95 mm[Hg]');
  expect(observationFlag(bp)).toBe('High');
});

test('codes show their system short name, or the last segment of an unknown system', () => {
  expect(
    codeLabel({ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9' }] }),
  ).toBe('ICD-10-CM E11.9');
  expect(codeLabel({ coding: [{ system: 'urn:oid:2.16.840/local-codes', code: 'X1' }] })).toBe(
    'local-codes X1',
  );
  expect(codeLabel({ text: 'uncoded' })).toBe('—');
});

test('ages count whole years up to the day before the birthday', () => {
  expect(ageInYears('1960-06-15', new Date(2026, 5, 14))).toBe(65);
  expect(ageInYears('1960-06-15', new Date(2026, 5, 15))).toBe(66);
});

test('date-times are shown as written in the record, without a time-zone shift', () => {
  expect(formatDateTime('2025-07-28T09:15:00-04:00')).toBe('2025-07-28 09:15');
  expect(formatDateTime('2025-07-28')).toBe('2025-07-28');
  expect(formatDateTime(undefined)).toBe('—');
});

test('generated values are rounded to four significant digits', () => {
  expect(
    observationValue(observation({ valueQuantity: { value: 92.70089468448165, unit: 'mg/dL' } })),
  ).toBe('92.7 mg/dL');
  expect(observationValue(observation({ valueQuantity: { value: 0.0042, unit: 'ng/mL' } }))).toBe(
    '0.0042 ng/mL',
  );
});
