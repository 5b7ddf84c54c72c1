import { expect, test } from 'vitest';
import { learnerProfileFieldsSchema, reportingIdentifiersSchema } from './learner-profile';
import { isValidNpi } from './npi';

test('an NPI passes only with the Luhn check digit computed over the 80840 prefix', () => {
  // CMS's worked example: 123456789 with prefix 80840 gives check digit 3.
  expect(isValidNpi('1234567893')).toBe(true);
  expect(isValidNpi('1234567890')).toBe(false);
  expect(isValidNpi('123456789')).toBe(false);
  expect(isValidNpi('12345678933')).toBe(false);
  expect(isValidNpi('123456789a')).toBe(false);
});

test('reporting identifiers name the bad field: an NPI with a wrong check digit', () => {
  const result = reportingIdentifiersSchema.safeParse({ npi: '1234567890' });
  expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
    ['npi', 'an NPI is 10 digits with a valid check digit'],
  ]);
});

test('a birth date needs both month and day, and a day the month has', () => {
  expect(reportingIdentifiersSchema.safeParse({ birthMonth: 2, birthDay: 29 }).success).toBe(true);
  const paths = (value: unknown): string[] =>
    reportingIdentifiersSchema.safeParse(value).error?.issues.map((i) => i.message) ?? [];
  expect(paths({ birthMonth: 2, birthDay: 30 })).toEqual(['that month has no such day']);
  expect(paths({ birthMonth: 4 })).toEqual(['give both birth month and birth day, or neither']);
  expect(paths({ birthMonth: 13, birthDay: 1 })[0]).toMatch(/<=12/);
});

test('a profile takes listed professions, specialties and topics only, each gap once', () => {
  const valid = {
    profession: 'nurse-practitioner',
    specialty: 'cardiology',
    roleSource: 'learner',
    gaps: ['hfref', 'afib'],
    reporting: { npi: '1234567893', boardId: 'ABIM-123456', birthMonth: 7, birthDay: 9 },
  };
  expect(learnerProfileFieldsSchema.parse(valid)).toEqual(valid);
  const problem = (change: Record<string, unknown>): string | undefined =>
    learnerProfileFieldsSchema
      .safeParse({ ...valid, ...change })
      .error?.issues.map((i) => i.path.join('.'))[0];
  expect(problem({ profession: 'surgeon' })).toBe('profession');
  expect(problem({ specialty: 'dermatology' })).toBe('specialty');
  expect(problem({ gaps: ['heart-failure'] })).toBe('gaps.0');
  expect(problem({ gaps: ['hfref', 'hfref'] })).toBe('gaps');
  expect(problem({ reportingConsent: { given: true, at: '2026-11-26T12:00:00Z' } })).toBe('');
});

test('names and board ids cannot start a spreadsheet formula in the PARS export', () => {
  const accepts = (reporting: Record<string, unknown>) =>
    reportingIdentifiersSchema.safeParse(reporting).success;
  expect(accepts({ firstName: 'Zoë', lastName: "O'Neill-Núñez Jr." })).toBe(true);
  expect(accepts({ boardId: 'ABIM-123456' })).toBe(true);
  for (const formula of ['=HYPERLINK("x")', '+1+1', '-2+3', '@SUM(A1)'])
    expect([accepts({ firstName: formula }), accepts({ lastName: formula })]).toEqual([
      false,
      false,
    ]);
  expect(accepts({ boardId: '-1+1' })).toBe(false);
});
