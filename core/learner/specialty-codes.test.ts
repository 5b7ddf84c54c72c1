import { expect, test } from 'vitest';
import { LEARNER_SPECIALTIES } from './learner-profile';
import { NUCC_SPECIALTIES, NUCC_TAXONOMY_SYSTEM, specialtyOfCodings } from './specialty-codes';

test('only NUCC codings map, and only to specialties the profile offers', () => {
  expect(specialtyOfCodings([{ system: NUCC_TAXONOMY_SYSTEM, code: '207RN0300X' }])).toBe(
    'nephrology',
  );
  expect(
    specialtyOfCodings([{ system: 'http://example.org', code: '207RN0300X' }]),
  ).toBeUndefined();
  expect(
    specialtyOfCodings([{ system: NUCC_TAXONOMY_SYSTEM, code: '208M00000X' }]),
  ).toBeUndefined();
  for (const specialty of NUCC_SPECIALTIES.values())
    expect(LEARNER_SPECIALTIES).toContain(specialty);
  for (const code of NUCC_SPECIALTIES.keys()) expect(code).toMatch(/^[0-9A-Z]{9}X$/);
});
