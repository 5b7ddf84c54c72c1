import { expect, test } from 'vitest';
import { requestedCaseId } from './requested-case';

test('reads the case id from a CDS Hooks appContext, keeping other fields aside', () => {
  expect(requestedCaseId('{"caseId":"sepsis-hour-one","cardUuid":"c-1"}')).toBe('sepsis-hour-one');
});

test('ignores an absent, malformed or foreign appContext', () => {
  expect(requestedCaseId(undefined)).toBeUndefined();
  expect(requestedCaseId('sepsis-hour-one')).toBeUndefined();
  expect(requestedCaseId('{"caseId": 7}')).toBeUndefined();
  expect(requestedCaseId('["sepsis-hour-one"]')).toBeUndefined();
});
