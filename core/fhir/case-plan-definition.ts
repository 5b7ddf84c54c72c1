import type { PlanDefinition, PlanDefinitionActionCondition } from 'fhir/r4';
import type { MicroCase } from '../micro-case/micro-case-schema';
import type { Criterion, Duration } from '../micro-case/trigger-schema';
import { citationArtifact, computableName, publicationStatus } from './case-artifacts';
import { TOPIC_SYSTEM } from './case-questionnaire';
import { caseCanonical, casePlanDefinitionUrl, PROFILE } from './canonical';

const window = (d: Duration): string =>
  [d.days && `${d.days} days`, d.hours && `${d.hours} hours`].filter(Boolean).join(' ');

/** What a criterion means in words (the condition's `description`). */
export function describeCriterion(c: Criterion): string {
  switch (c.kind) {
    case 'condition':
      return `An active Condition coded in ${c.valueSet}${c.onsetWithin ? `, onset or recorded within the last ${window(c.onsetWithin)}` : ''}`;
    case 'observation':
      return `${c.which === 'any' ? 'Any' : 'The latest'} Observation coded in ${c.valueSet} within the last ${window(c.within)}${c.component ? ` (component LOINC ${c.component})` : ''}${c.comparator ? ` with a value ${c.comparator} ${c.value ?? ''} ${c.unit ?? ''}` : ''}`;
    case 'trend':
      return `Observations coded in ${c.valueSet} within the last ${window(c.within)} rising${c.riseAtLeast !== undefined ? ` by at least ${c.riseAtLeast} ${c.unit}` : ''}${c.riseAtLeast !== undefined && c.ratioAtLeast !== undefined ? ' or' : ''}${c.ratioAtLeast !== undefined ? ` to at least ${c.ratioAtLeast} times the lowest earlier value` : ''}`;
    case 'medication':
      return `${c.present ? 'An' : 'No'} active MedicationRequest coded in ${c.valueSet}${c.authoredWithin ? ` authored within the last ${window(c.authoredWithin)}` : ''}`;
    case 'encounter-class':
      return `The Encounter's class is one of ${c.classes.join(', ')} (v3 ActCode)`;
    case 'age':
      return `The patient is aged${c.min !== undefined ? ` at least ${c.min}` : ''}${c.min !== undefined && c.max !== undefined ? ' and' : ''}${c.max !== undefined ? ` at most ${c.max}` : ''} years`;
    case 'sex':
      return `The patient's administrative gender is ${c.is}`;
    case 'fhirpath':
      return c.description.en;
    case 'all':
      return `all of: (${c.of.map(describeCriterion).join('; ')})`;
    case 'any':
      return `any of: (${c.of.map(describeCriterion).join('; ')})`;
    case 'not':
      return `not: (${describeCriterion(c.criterion)})`;
  }
}

/**
 * One applicability condition. An expression is executable only where it says exactly what the
 * criterion means: FHIRPath for age, sex, encounter class and fhirpath criteria; a FHIR query
 * (non-empty = true) for "an active Condition / MedicationRequest in this value set". Windows,
 * thresholds, absences and any/not logic are stated in plain text (`text/plain`, which the
 * extensible ExpressionLanguage binding allows when no listed language fits).
 */
function condition(c: Criterion): PlanDefinitionActionCondition {
  const description = describeCriterion(c);
  const of = (language: string, expression: string) => ({
    kind: 'applicability' as const,
    expression: { description, language, expression },
  });
  const query = (type: string, status: string, valueSet: string) =>
    of('application/x-fhir-query', `${type}?patient={{%patient.id}}&${status}&code:in=${valueSet}`);
  switch (c.kind) {
    case 'condition':
      return c.onsetWithin
        ? of('text/plain', description)
        : query('Condition', 'clinical-status=active', c.valueSet);
    case 'medication':
      return c.present && !c.authoredWithin
        ? query('MedicationRequest', 'status=active', c.valueSet)
        : of('text/plain', description);
    case 'encounter-class':
      return of(
        'text/fhirpath',
        `%encounter.class.where(system = 'http://terminology.hl7.org/CodeSystem/v3-ActCode' and (${c.classes.map((k) => `code = '${k}'`).join(' or ')})).exists()`,
      );
    case 'age': {
      const tests = [
        ...(c.min !== undefined ? [`%patient.birthDate <= today() - ${c.min} years`] : []),
        ...(c.max !== undefined ? [`%patient.birthDate > today() - ${c.max + 1} years`] : []),
      ];
      return of('text/fhirpath', tests.join(' and ') || 'true');
    }
    case 'sex':
      return of('text/fhirpath', `%patient.gender = '${c.is}'`);
    case 'fhirpath':
      return of('text/fhirpath', c.expression);
    case 'observation':
    case 'trend':
    case 'all':
    case 'any':
    case 'not':
      return of('text/plain', description);
  }
}

/**
 * A micro-case's trigger as a FHIR R4 PlanDefinition of type eca-rule (DOMAIN.md "FHIR R4
 * model", CPG-style): the CDS Hooks `patient-view` event, one applicability condition per
 * top-level criterion (R4 ANDs conditions of one kind), and the case Questionnaire as the action.
 */
export function buildCasePlanDefinition(microCase: MicroCase): PlanDefinition {
  const conjuncts = microCase.trigger.kind === 'all' ? microCase.trigger.of : [microCase.trigger];
  return {
    resourceType: 'PlanDefinition',
    id: microCase.id,
    meta: { profile: [PROFILE.casePlanDefinition] },
    language: 'en',
    url: casePlanDefinitionUrl(microCase.id),
    version: microCase.version,
    name: computableName(microCase.id),
    title: microCase.title.en,
    type: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/plan-definition-type',
          code: 'eca-rule',
          display: 'ECA Rule',
        },
      ],
    },
    status: publicationStatus(microCase.disclosure.reviewers),
    date: microCase.disclosure.contentValidityReviewed,
    publisher: 'Chartside',
    description: microCase.cardSummary.en,
    lastReviewDate: microCase.disclosure.contentValidityReviewed,
    topic: [{ coding: [{ system: TOPIC_SYSTEM, code: microCase.topic }] }],
    relatedArtifact: microCase.citations.map(citationArtifact),
    action: [
      {
        title: microCase.title.en,
        description: microCase.cardSummary.en,
        trigger: [{ type: 'named-event', name: 'patient-view' }],
        condition: conjuncts.map(condition),
        definitionCanonical: caseCanonical(microCase.id, microCase.version),
      },
    ],
  };
}
