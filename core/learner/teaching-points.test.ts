import { expect, test } from 'vitest';
import { caseWith } from '../matcher/test-fixtures';
import type { Criterion } from '../micro-case/trigger-schema';
import { questionFor, teachingPointOf, teachingPointsOf } from './teaching-points';

const trigger: Criterion = { id: 't', kind: 'condition', valueSet: 'https://example.org/vs' };

test('a question teaches {caseId}:{questionId} unless it names a shared teaching point', () => {
  expect(teachingPointOf('sepsis-hour-1', { id: 'fluids' })).toBe('sepsis-hour-1:fluids');
  expect(teachingPointOf('sepsis-hour-1', { id: 'fluids', teachingPoint: 'crystalloid-30' })).toBe(
    'crystalloid-30',
  );
});

test('a case lists each of its points once, and a point leads back to its first question', () => {
  const microCase = caseWith('a', trigger);
  microCase.questions[2]!.teachingPoint = 'shared';
  const other = caseWith('b', trigger);
  other.questions[0]!.teachingPoint = 'shared';
  expect(teachingPointsOf(microCase)).toEqual(['a:q1', 'a:q2', 'shared']);
  expect(questionFor([microCase, other], 'shared')?.question.id).toBe('q3');
  expect(questionFor([microCase, other], 'b:q2')?.microCase.id).toBe('b');
  expect(questionFor([microCase, other], 'b:q1')).toBeUndefined();
});
