import { expect, test } from 'vitest';
import { indexValueSets } from '../../core/matcher/match-cases';
import { personaContexts } from '../../scripts/persona-contexts';
import { loadCaseLibrary } from '../library/case-library';
import { selectCases, type SelectInput } from './select-cases';

const library = await loadCaseLibrary({
  casesDir: 'cases',
  valueSetsDir: 'fhir-profiles/valuesets',
});
const now = new Date();
const personas = personaContexts(now);

function input(topic: string, overrides: Partial<SelectInput> = {}): SelectInput {
  const found = personas.find((p) => p.persona.topic === topic);
  if (!found) throw new Error(`no ${topic} persona`);
  return {
    library,
    valueSetCodes: indexValueSets(library.valueSets),
    chart: found.context,
    history: [],
    now,
    ...overrides,
  };
}

test('the persona’s own case comes first, with the chart facts as reasons', () => {
  const [first] = selectCases(input('sepsis'));
  expect(first?.microCase.id).toBe('sepsis-hour-1-bundle');
  expect(first?.reasons[0]).toMatch(/^Lactate/);
});

test('a case completed within 30 days or dismissed within 90 is not suggested', () => {
  const day = 86_400_000;
  const at = (daysAgo: number): string => new Date(now.getTime() - daysAgo * day).toISOString();
  const ids = (history: SelectInput['history']): string[] =>
    selectCases(input('sepsis', { history })).map((s) => s.microCase.id);
  expect(ids([{ caseId: 'sepsis-hour-1-bundle', outcome: 'completed', at: at(29) }])).toEqual([]);
  expect(ids([{ caseId: 'sepsis-hour-1-bundle', outcome: 'dismissed', at: at(89) }])).toEqual([]);
  expect(ids([{ caseId: 'sepsis-hour-1-bundle', outcome: 'completed', at: at(31) }])).toEqual([
    'sepsis-hour-1-bundle',
  ]);
});

test('a chart that fits three cases gets the two best', () => {
  const three = personas.filter((p) => ['sepsis', 'cap', 't2dm'].includes(p.persona.topic ?? ''));
  const [first] = three;
  if (!first) throw new Error('no personas');
  const chart = {
    patient: first.context.patient,
    conditions: three.flatMap((p) => p.context.conditions),
    observations: three.flatMap((p) => p.context.observations),
    medications: three.flatMap((p) => p.context.medications),
  };
  const suggestions = selectCases({ ...input('sepsis'), chart });
  expect(suggestions).toHaveLength(2);
  expect(suggestions[0]?.match.score).toBeGreaterThanOrEqual(suggestions[1]?.match.score ?? 0);
});

test('order-select suggests nothing when no selected order is a MedicationRequest', () => {
  const suggestions = selectCases(
    input('afib', { order: { drafts: [], selected: new Set(['ServiceRequest/ecg']) } }),
  );
  expect(suggestions).toEqual([]);
});
