import { expect, test } from 'vitest';
import { caseWith } from '../matcher/test-fixtures';
import { buildCasePlanDefinition, describeCriterion } from './case-plan-definition';
import { caseCanonical } from './canonical';

const VS = 'https://chartside.dev/fhir/ValueSet/sepsis-lactate';
const microCase = caseWith('lactate-demo', {
  kind: 'all',
  of: [
    {
      kind: 'condition',
      id: 'dx',
      valueSet: 'https://chartside.dev/fhir/ValueSet/sepsis-diagnoses',
    },
    {
      kind: 'observation',
      id: 'lactate',
      valueSet: VS,
      within: { hours: 24 },
      which: 'any',
      comparator: '>=',
      value: 2,
      unit: 'mmol/L',
    },
    {
      kind: 'any',
      of: [
        { kind: 'age', id: 'old', min: 65 },
        { kind: 'sex', id: 'f', is: 'female' },
      ],
    },
    {
      kind: 'fhirpath',
      id: 'fp',
      expression: 'Bundle.entry.resource.ofType(Encounter).exists()',
      description: { en: 'An encounter exists', es: 'Existe un encuentro' },
    },
  ],
});
const plan = buildCasePlanDefinition(microCase);

test('the PlanDefinition is an eca-rule on patient-view that offers the case Questionnaire', () => {
  expect(plan).toMatchObject({
    url: 'https://chartside.dev/fhir/PlanDefinition/lactate-demo',
    version: '1.0.0',
    type: { coding: [{ code: 'eca-rule' }] },
    topic: [
      { coding: [{ system: 'https://chartside.dev/fhir/CodeSystem/topic', code: 'sepsis' }] },
    ],
  });
  expect(plan.action![0]).toMatchObject({
    trigger: [{ type: 'named-event', name: 'patient-view' }],
    definitionCanonical: caseCanonical('lactate-demo', '1.0.0'),
  });
});

test('each top-level criterion is one condition, executable only where the expression says it exactly', () => {
  const conditions = plan.action![0]!.condition!.map((c) => c.expression);
  expect(conditions.map((e) => e?.language)).toEqual([
    'application/x-fhir-query',
    'text/plain',
    'text/plain',
    'text/fhirpath',
  ]);
  expect(conditions[0]?.expression).toBe(
    'Condition?patient={{%patient.id}}&clinical-status=active&code:in=https://chartside.dev/fhir/ValueSet/sepsis-diagnoses',
  );
  expect(conditions[1]?.description).toBe(
    `Any Observation coded in ${VS} within the last 24 hours with a value >= 2 mmol/L`,
  );
  expect(conditions[2]?.expression).toBe(
    "any of: (The patient is aged at least 65 years; The patient's administrative gender is female)",
  );
  expect(conditions[3]).toEqual({
    description: 'An encounter exists',
    language: 'text/fhirpath',
    expression: 'Bundle.entry.resource.ofType(Encounter).exists()',
  });
});

test('an absent medication is stated in words, never as a query whose results would mean the opposite', () => {
  expect(describeCriterion({ kind: 'medication', id: 'm', valueSet: VS, present: false })).toBe(
    `No active MedicationRequest coded in ${VS}`,
  );
  const absent = buildCasePlanDefinition(
    caseWith('m', { kind: 'medication', id: 'm', valueSet: VS, present: false }),
  );
  expect(absent.action![0]!.condition![0]!.expression?.language).toBe('text/plain');
});

test('the related artifacts are exactly the case citations', () => {
  expect(plan.relatedArtifact).toEqual([
    {
      type: 'citation',
      label: 'c',
      display: 't',
      citation: 'o. t. 2021.',
      url: 'https://example.org',
    },
  ]);
});
