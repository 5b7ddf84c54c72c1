import { expect, test } from 'vitest';
import { evaluateFhirPath } from '../../core/matcher/fhirpath-evaluator';
import { matchCases } from '../../core/matcher/match-cases';
import { loadCaseLibrary } from '../../server/library/case-library';
import { personaContexts } from '../../scripts/persona-contexts';

const library = await loadCaseLibrary({
  casesDir: 'cases',
  valueSetsDir: 'fhir-profiles/valuesets',
});
const now = new Date();
const personas = personaContexts(now);

test.each(personas.filter((p) => p.persona.topic !== null).map((p) => [p.persona.id, p] as const))(
  '%s gets the case of its topic first, with reasons',
  (_id, { persona, context }) => {
    const [top] = matchCases({ ...library, context, now, fhirPath: evaluateFhirPath });
    const topCase = library.cases.find((c) => c.id === top?.caseId);
    expect(topCase?.topic).toBe(persona.topic);
    expect(top?.evidence.length).toBeGreaterThan(0);
    for (const evidence of top?.evidence ?? []) {
      expect(evidence.reason.en).toMatch(/\S/);
      expect(evidence.reason.es).toMatch(/\S/);
    }
  },
);

test.each(personas.filter((p) => p.persona.topic === null).map((p) => [p.persona.id, p] as const))(
  '%s, who has none of the topics, gets no case',
  (_id, { context }) => {
    expect(matchCases({ ...library, context, now, fhirPath: evaluateFhirPath })).toEqual([]);
  },
);
