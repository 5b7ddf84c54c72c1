import { expect, test } from 'vitest';
import { formatFhir } from './format-fhir';

const now = new Date('2025-01-14T12:00:00Z');

test('age is in whole years, counting the birthday', () => {
  const { age } = formatFhir('en');
  expect(age('1958-03-12', now)).toBe('66 years');
  expect(age('1958-01-14', now)).toBe('67 years');
  expect(age('1958-01-15', now)).toBe('66 years');
});

test('infants under two get their age in months, in the page language', () => {
  expect(formatFhir('en').age('2024-03-02', now)).toBe('10 months');
  expect(formatFhir('es').age('2024-03-02', now)).toBe('10 meses');
  expect(formatFhir('es').age('1958-03-12', now)).toBe('66 años');
});

test('dates keep the precision they were recorded with, without time-zone shifts', () => {
  const { dateTime } = formatFhir('en-US');
  expect(dateTime('1958-03-12')).toBe('Mar 12, 1958');
  expect(dateTime('2024-03')).toBe('March 2024');
  expect(dateTime('2024')).toBe('2024');
  expect(dateTime('not a date')).toBe('not a date');
});

test('numbers use the language decimal separator', () => {
  expect(formatFhir('es').number(4.1)).toBe('4,1');
  expect(formatFhir('en').number(4.1)).toBe('4.1');
});
