import { expect, test } from 'vitest';
import type { CaseMatch } from '../matcher/match-cases';
import { NOW, caseWith } from '../matcher/test-fixtures';
import type { MicroCase } from '../micro-case/micro-case-schema';
import type { Criterion } from '../micro-case/trigger-schema';
import { adaptRanking, type PointMastery } from './adapt-ranking';
import { EMPTY_PROFILE, type LearnerProfile } from './learner-profile';

const trigger: Criterion = { id: 't', kind: 'condition', valueSet: 'https://example.org/vs' };
const daysAgo = (d: number): string => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const daysAhead = (d: number): string => new Date(NOW.getTime() + d * 86_400_000).toISOString();

function library(): MicroCase[] {
  const hf = caseWith('hf', trigger);
  Object.assign(hf, { topic: 'hfref', specialties: ['cardiology'], difficulty: 'intermediate' });
  const aki = caseWith('aki', trigger);
  Object.assign(aki, { topic: 'aki', specialties: ['nephrology'], difficulty: 'foundational' });
  return [hf, aki];
}
const matches: CaseMatch[] = [
  { caseId: 'aki', version: '1.0.0', score: 4, evidence: [] },
  { caseId: 'hf', version: '1.0.0', score: 4, evidence: [] },
];
const rank = (profile: Partial<LearnerProfile>, points: PointMastery[] = []) =>
  adaptRanking({
    matches,
    cases: library(),
    profile: { ...EMPTY_PROFILE, ...profile },
    points,
    now: NOW,
  });
const point = (id: string, lastCorrect: boolean, answered: number, due: string): PointMastery => ({
  teachingPoint: id,
  lastCorrect,
  lastAnsweredAt: daysAgo(answered),
  due,
});

test('with nothing known about the learner the chart order stands and no reason is given', () => {
  const ranked = rank({});
  expect(ranked.map((m) => [m.caseId, m.score, m.reasons])).toEqual([
    ['aki', 4, []],
    ['hf', 4, []],
  ]);
});

test('a case written for the learner’s specialty rises, saying so in English and Spanish', () => {
  const [top] = rank({ specialty: 'cardiology' });
  expect(top?.caseId).toBe('hf');
  expect(top?.score).toBe(6);
  expect(top?.chartScore).toBe(4);
  expect(top?.reasons).toEqual([
    {
      code: 'specialty-fit',
      effect: 'raised',
      text: {
        en: 'Written for your specialty: cardiology',
        es: 'Escrito para su especialidad: cardiología',
      },
    },
  ]);
});

test('a stated gap raises its topic’s case', () => {
  const [top] = rank({ gaps: ['aki'] });
  expect(top?.caseId).toBe('aki');
  expect(top?.reasons.map((r) => r.text.en)).toEqual([
    'Matches your stated gap: acute kidney injury',
  ]);
});

test('a case written for other professions sinks', () => {
  const ranked = rank({ profession: 'nurse' });
  expect(ranked.every((m) => m.score === 2)).toBe(true);
  expect(ranked[0]?.reasons.map((r) => [r.code, r.effect])).toEqual([
    ['profession-outside', 'lowered'],
  ]);
});

test('points answered correctly and not yet due lower the case in proportion, with when', () => {
  const known = ['hf:q1', 'hf:q2', 'hf:q3'].map((id) => point(id, true, 25, daysAhead(10)));
  const ranked = rank({}, known);
  expect(ranked.map((m) => [m.caseId, m.score])).toEqual([
    ['aki', 4],
    ['hf', 2],
  ]);
  expect(ranked[1]?.reasons.map((r) => r.text)).toEqual([
    {
      en: 'You answered 3 of 3 points of this case correctly 4 weeks ago',
      es: 'Respondió bien 3 de 3 puntos de este caso hace 4 semanas',
    },
  ]);
  const oneKnown = rank({}, known.slice(0, 1)).find((m) => m.caseId === 'hf');
  expect(oneKnown?.score).toBeCloseTo(4 * (1 - 0.5 / 3), 3);
});

test('a point due for review raises its case', () => {
  const [top] = rank({}, [point('hf:q2', false, 12, daysAgo(1))]);
  expect(top?.caseId).toBe('hf');
  expect(top?.reasons.map((r) => r.text.en)).toEqual([
    'Due for review: 1 of 3 points of this case',
  ]);
});

test('a foundational case sinks once its topic is mastered elsewhere in the library', () => {
  const cases = library();
  const more = caseWith('aki-2', trigger);
  Object.assign(more, { topic: 'aki', difficulty: 'intermediate' });
  const mastered = ['aki-2:q1', 'aki-2:q2', 'aki-2:q3'].map((id) =>
    point(id, true, 3, daysAhead(5)),
  );
  const [, last] = adaptRanking({
    matches,
    cases: [...cases, more],
    profile: EMPTY_PROFILE,
    points: mastered,
    now: NOW,
  });
  expect(last?.caseId).toBe('aki');
  expect(last?.reasons.map((r) => [r.code, r.text.en])).toEqual([
    ['difficulty-below-mastery', 'Foundational, and you have shown mastery of acute kidney injury'],
  ]);
});

test('a recent completion or dismissal the matcher lowered is explained with its date', () => {
  const ranked = adaptRanking({
    matches: [
      { caseId: 'aki', version: '1.0.0', score: 1.2, evidence: [], lowered: 'completed' },
      { caseId: 'hf', version: '1.0.0', score: 0.4, evidence: [], lowered: 'dismissed' },
    ],
    cases: library(),
    profile: EMPTY_PROFILE,
    points: [],
    history: [
      { caseId: 'aki', outcome: 'completed', at: daysAgo(1) },
      { caseId: 'hf', outcome: 'dismissed', at: daysAgo(5) },
    ],
    now: NOW,
  });
  expect(ranked.map((m) => [m.score, m.reasons.map((r) => r.text)])).toEqual([
    [1.2, [{ en: 'You completed this case yesterday', es: 'Completó este caso ayer' }]],
    [0.4, [{ en: 'You dismissed this case 5 days ago', es: 'Descartó este caso hace 5 días' }]],
  ]);
});
