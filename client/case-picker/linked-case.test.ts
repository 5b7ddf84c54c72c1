import { beforeEach, expect, test } from 'vitest';
import { linkedCaseId, rememberLinkedCase } from './linked-case';

beforeEach(() => {
  sessionStorage.clear();
});

test('a launch link ending in #case= names that case for the app after sign-in', () => {
  rememberLinkedCase('#case=sepsis-hour-one', sessionStorage);
  expect(linkedCaseId(sessionStorage)).toBe('sepsis-hour-one');
});

test('a launch without a case forgets the one an earlier link named', () => {
  rememberLinkedCase('#case=sepsis-hour-one', sessionStorage);
  rememberLinkedCase('', sessionStorage);
  expect(linkedCaseId(sessionStorage)).toBeUndefined();
});

test('a fragment that is not a case id is ignored, and so is a tampered stored value', () => {
  rememberLinkedCase('#case=%3Cscript%3E', sessionStorage);
  expect(linkedCaseId(sessionStorage)).toBeUndefined();
  rememberLinkedCase(`#case=${'a'.repeat(101)}`, sessionStorage);
  expect(linkedCaseId(sessionStorage)).toBeUndefined();
  sessionStorage.setItem('chartside:linked-case', 'Not A Slug');
  expect(linkedCaseId(sessionStorage)).toBeUndefined();
});
