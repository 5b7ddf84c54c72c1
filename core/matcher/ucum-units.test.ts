import ucum from '@lhncbc/ucum-lhc';
import { expect, test } from 'vitest';
import { convertUnit } from './ucum-units';

const reference = ucum.UcumLhcUtils.getInstance();

test.each([
  [1.0, 'mg/dL', 'umol/L', 113.12],
  [106, 'umol/L', 'mg/dL', 113.12],
  [4.1, 'mmol/L', 'mg/dL', 90.08],
  [180, 'mg/dL', 'mmol/L', 180.16],
  [1.2, 'g/dL', 'mg/dL', undefined],
  [350, 'mg/L', 'g/dL', undefined],
  [18.2, '10*3/uL', '10*9/L', undefined],
  [300, '/uL', '10*9/L', undefined],
  [0.34, '10*3/uL', '/uL', undefined],
  [54, '%', '1', undefined],
])('%d %s in %s agrees with ucum-lhc (molar mass %s)', (value, from, to, molarMass) => {
  const expected = reference.convertUnitTo(
    from,
    value,
    to,
    molarMass === undefined ? {} : { molecularWeight: molarMass },
  );
  expect(expected.status).toBe('succeeded');
  expect(convertUnit(value, from, to, molarMass)).toBeCloseTo(expected.toVal as number, 6);
});

test('mass and molar concentrations cannot be related without a molar mass', () => {
  expect(convertUnit(1, 'mg/dL', 'umol/L')).toBeUndefined();
});

test('unknown or incompatible units are never converted', () => {
  expect(convertUnit(1, 'mg/dL', 'mm[Hg]')).toBeUndefined();
  expect(convertUnit(1, 'furlongs', 'mg/dL')).toBeUndefined();
  expect(convertUnit(1, 'mEq/L', 'mmol/L')).toBeUndefined();
  expect(convertUnit(140, 'mm[Hg]', 'mm[Hg]')).toBe(140);
});
