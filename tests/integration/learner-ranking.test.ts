import { expect, test } from 'vitest';
import { adaptRanking } from '../../core/learner/adapt-ranking';
import { EMPTY_PROFILE, type LearnerProfile } from '../../core/learner/learner-profile';
import { evaluateFhirPath } from '../../core/matcher/fhirpath-evaluator';
import { matchCases } from '../../core/matcher/match-cases';
import { personaContexts } from '../../scripts/persona-contexts';
import { loadCaseLibrary } from '../../server/library/case-library';

const library = await loadCaseLibrary({
  casesDir: 'cases',
  valueSetsDir: 'fhir-profiles/valuesets',
});
const now = new Date('2026-11-26T12:00:00Z');
const contexts = personaContexts(now);
const chartOf = (id: string) => {
  const found = contexts.find((p) => p.persona.id === id);
  if (!found) throw new Error(`no persona ${id}`);
  return found.context;
};

// One patient with heart failure (Gloria Ramirez's chart) and COPD (Frank Dolan's), a common
// pairing: the kind of chart on which a cardiologist and a generalist should differ.
const gloria = chartOf('gloria-ramirez');
const frank = chartOf('frank-dolan');
const context = {
  ...gloria,
  conditions: [...gloria.conditions, ...frank.conditions],
  observations: [...gloria.observations, ...frank.observations],
  medications: [...gloria.medications, ...frank.medications],
};
const matches = matchCases({ ...library, context, now, fhirPath: evaluateFhirPath });

const rankFor = (profile: Partial<LearnerProfile>) =>
  adaptRanking({
    matches,
    cases: library.cases,
    profile: { ...EMPTY_PROFILE, profession: 'physician', ...profile },
    points: [],
    now,
  });

test('the combined chart matches the heart failure case first, then the COPD case', () => {
  expect(matches.map((m) => m.caseId)).toEqual([
    'hfref-gdmt-four-pillars',
    'copd-inhaled-therapy-review',
  ]);
});

test('a cardiologist and a family physician on the same patient get different first cases, each with the reason', () => {
  const cardiologist = rankFor({ specialty: 'cardiology' });
  const generalist = rankFor({ specialty: 'family-medicine' });
  expect(cardiologist.map((m) => m.caseId)).toEqual([
    'hfref-gdmt-four-pillars',
    'copd-inhaled-therapy-review',
  ]);
  expect(generalist.map((m) => m.caseId)).toEqual([
    'copd-inhaled-therapy-review',
    'hfref-gdmt-four-pillars',
  ]);
  expect(cardiologist[0]?.reasons.map((r) => r.text.en)).toEqual([
    'Written for your specialty: cardiology',
  ]);
  expect(generalist[0]?.reasons.map((r) => r.text.es)).toEqual([
    'Escrito para su especialidad: medicina familiar',
  ]);
});

test('a stated gap lifts a case above the one written for the learner’s specialty', () => {
  const ranked = rankFor({ specialty: 'family-medicine', gaps: ['hfref'] });
  expect(ranked[0]?.caseId).toBe('hfref-gdmt-four-pillars');
  expect(ranked[0]?.reasons.map((r) => r.text.en)).toEqual([
    'Matches your stated gap: heart failure with reduced ejection fraction',
  ]);
});
