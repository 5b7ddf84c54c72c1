import { expect, test } from 'vitest';
import { requestedCaseId, requestedReview } from './requested-case';

test('reads the case id from a CDS Hooks appContext, keeping other fields aside', () => {
  expect(requestedCaseId('{"caseId":"sepsis-hour-one","cardUuid":"c-1"}')).toBe('sepsis-hour-one');
});

test('ignores an absent, malformed or foreign appContext', () => {
  expect(requestedCaseId(undefined)).toBeUndefined();
  expect(requestedCaseId('sepsis-hour-one')).toBeUndefined();
  expect(requestedCaseId('{"caseId": 7}')).toBeUndefined();
  expect(requestedCaseId('["sepsis-hour-one"]')).toBeUndefined();
});

test('a refresher card’s appContext names a teaching point: the refresher opens, not the case', () => {
  const context = '{"caseId":"aki","version":"1.0.0","review":"aki:definition"}';
  expect(requestedReview(context)).toBe('aki:definition');
  expect(requestedCaseId(context)).toBeUndefined();
  expect(requestedReview('{"caseId":"aki"}')).toBeUndefined();
  expect(requestedReview('{"caseId":"aki","review":""}')).toBeUndefined();
  expect(requestedReview('not json')).toBeUndefined();
});
