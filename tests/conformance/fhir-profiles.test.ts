import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Basic,
  CodeSystem,
  PlanDefinition,
  Provenance,
  Questionnaire,
  QuestionnaireResponse,
  Resource,
  ValueSet,
} from 'fhir/r4';
import { expect, test } from 'vitest';
import { buildCasePlanDefinition } from '../../core/fhir/case-plan-definition';
import { buildCaseQuestionnaire, TOPIC_SYSTEM } from '../../core/fhir/case-questionnaire';
import { CHARTSIDE_FHIR, PROFILE } from '../../core/fhir/canonical';
import {
  CARD_TOPIC_SYSTEM,
  OVERRIDE_REASON_SYSTEM,
  OVERRIDE_REASONS,
} from '../../core/cds-hooks/service-ids';
import { TOPIC_IDS } from '../../core/topics';
import { loadCaseLibrary } from '../../server/library/case-library';
import { generateProfiles, STRUCTURE_DEFINITIONS_DIR } from '../../scripts/build-profiles';
import {
  profiles,
  responseProblems,
  validateFhir,
  valueSetCodes,
} from '../support/fhir-validation';

interface Examples {
  'chartside-completion': QuestionnaireResponse;
  'chartside-credit-award': Basic;
  'chartside-credit-provenance': Provenance;
  'chartside-case-questionnaire': Questionnaire;
  'chartside-case-plan-definition': PlanDefinition;
}
/** Sets what the R4 types would refuse: breaking resources on purpose. */
const set = (target: object, key: string, value: unknown): void => {
  (target as Record<string, unknown>)[key] = value;
};
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const jsonFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.json'));
const profileOf = (name: string) =>
  `${CHARTSIDE_FHIR}/StructureDefinition/${name.replace('.json', '')}`;
const EXAMPLES = 'fhir-profiles/examples';
const example = <K extends keyof Examples>(name: K) =>
  readJson(join(EXAMPLES, `${name}.json`)) as Examples[K];
const library = await loadCaseLibrary({
  casesDir: 'cases',
  valueSetsDir: 'fhir-profiles/valuesets',
});

test('the committed StructureDefinitions are what npm run profiles:build generates', () => {
  const generated = generateProfiles();
  expect(jsonFiles(STRUCTURE_DEFINITIONS_DIR).sort()).toEqual([...generated.keys()].sort());
  for (const [name, profile] of generated) {
    expect(readJson(join(STRUCTURE_DEFINITIONS_DIR, name)), name).toEqual(
      JSON.parse(JSON.stringify(profile)),
    );
  }
});

test.each(jsonFiles(EXAMPLES))('the example %s conforms to R4 and its profile', (name) => {
  expect(profiles.has(profileOf(name)), `a profile for ${name}`).toBe(true);
  expect(validateFhir(readJson(join(EXAMPLES, name)) as Resource, profileOf(name))).toEqual([]);
});

test.each(library.cases.map((c) => [c.id, c] as const))(
  '%s, published as a Questionnaire and a PlanDefinition, conforms to R4 and our profiles',
  (_id, microCase) => {
    expect(validateFhir(buildCaseQuestionnaire(microCase), PROFILE.caseQuestionnaire)).toEqual([]);
    expect(validateFhir(buildCasePlanDefinition(microCase), PROFILE.casePlanDefinition)).toEqual(
      [],
    );
  },
);

test('the Provenance of a completion that earned no credit (no award to target) conforms too', () => {
  const provenance = example('chartside-credit-provenance');
  provenance.target = provenance.target.filter((t) => !t.reference?.startsWith('Basic/'));
  expect(provenance.target).toHaveLength(1);
  expect(validateFhir(provenance, PROFILE.creditProvenance)).toEqual([]);
});

test('the deliberately broken example fails with a message that names the element', () => {
  const broken = readJson(
    join(EXAMPLES, 'invalid/chartside-credit-award-without-amount.json'),
  ) as Resource;
  expect(validateFhir(broken, PROFILE.creditAward)).toContain(
    "Basic.extension: Incorrect number of values provided for slice 'creditAmount': expected 1..1, but found 0",
  );
});

/**
 * What @medplum/core's validator misses (STACK.md "Profile validation") and our checks cover:
 * one broken resource per rule, named by the spec section it breaks.
 */
interface Gap<K extends keyof Examples> {
  rule: string;
  example: K;
  profile?: string;
  breaks: (r: Examples[K]) => void;
  names: string;
}
const gap = <K extends keyof Examples>(g: Gap<K>) => ({
  ...g,
  broken: (): Resource => {
    const resource = example(g.example);
    g.breaks(resource);
    return resource;
  },
});

const GAPS = [
  gap({
    rule: 'R4 QuestionnaireResponse.status: required binding',
    example: 'chartside-completion',
    breaks: (r) => set(r, 'status', 'done'),
    names: 'QuestionnaireResponse.status: "done" is not in the required ValueSet',
  }),
  gap({
    rule: 'R4 Provenance.entity.role: required binding',
    example: 'chartside-credit-provenance',
    breaks: (r) => set(r.entity![0]!, 'role', 'origin'),
    names: 'Provenance.entity[0].role: "origin" is not in the required ValueSet',
  }),
  gap({
    rule: 'R4 RelatedArtifact.type: required binding (data type)',
    example: 'chartside-case-plan-definition',
    breaks: (r) => set(r.relatedArtifact![0]!, 'type', 'paper'),
    names: 'PlanDefinition.relatedArtifact[0].type: "paper" is not in the required ValueSet',
  }),
  gap({
    rule: 'credit-format: required binding to our ValueSet',
    example: 'chartside-credit-award',
    profile: PROFILE.creditAward,
    breaks: (r) => set(r.extension![2]!, 'valueCode', 'webinar'),
    names:
      'Basic.extension[2].valueCode: "webinar" is not in the required ValueSet https://chartside.dev/fhir/ValueSet/credit-formats',
  }),
  gap({
    rule: 'case PlanDefinition.topic: required binding to our ValueSet',
    example: 'chartside-case-plan-definition',
    profile: PROFILE.casePlanDefinition,
    breaks: (r) => set(r.topic![0]!.coding![0]!, 'code', 'oncology'),
    names: 'PlanDefinition.topic[0]:',
  }),
  gap({
    rule: 'credit provenance occurred[x]: narrowed to Period',
    example: 'chartside-credit-provenance',
    profile: PROFILE.creditProvenance,
    breaks: (r) => {
      r.occurredDateTime = r.occurredPeriod!.start;
      delete r.occurredPeriod;
    },
    names:
      'Provenance.occurredDateTime: type DateTime is not allowed here (the profile allows Period)',
  }),
  gap({
    rule: 'case answerOption value[x]: narrowed to Coding',
    example: 'chartside-case-questionnaire',
    profile: PROFILE.caseQuestionnaire,
    breaks: (r) => {
      set(r.item![1]!.answerOption![0]!, 'valueString', 'x');
      delete r.item![1]!.answerOption![0]!.valueCoding;
    },
    names: 'Questionnaire.item[1].answerOption[0].valueString: type String is not allowed here',
  }),
  gap({
    rule: 'nested pattern: Provenance.entity.role is source',
    example: 'chartside-credit-provenance',
    profile: PROFILE.creditProvenance,
    breaks: (r) => set(r.entity![1]!, 'role', 'derivation'),
    names: 'Provenance.entity[1].role: "derivation" does not match the pattern "source"',
  }),
  gap({
    rule: 'nested cardinality: an eca-rule action has a trigger',
    example: 'chartside-case-plan-definition',
    profile: PROFILE.casePlanDefinition,
    breaks: (r) => delete r.action![0]!.trigger,
    names: 'PlanDefinition.action[0].trigger: expected 1..* values, found 0',
  }),
  gap({
    rule: 'nested extension slice: every option has feedback',
    example: 'chartside-case-questionnaire',
    profile: PROFILE.caseQuestionnaire,
    breaks: (r) => r.item![1]!.answerOption![0]!.extension!.splice(1, 1),
    names:
      'Questionnaire.item[1].answerOption[0].extension:optionFeedback: expected 1..1 values, found 0',
  }),
  gap({
    rule: 'extension definition: credit-amount is a decimal',
    example: 'chartside-credit-award',
    profile: PROFILE.creditAward,
    breaks: (r) => {
      r.extension![1]!.valueString = '0.5';
      delete r.extension![1]!.valueDecimal;
    },
    names:
      'Basic.extension[1].valueString: type String is not allowed here (the profile allows decimal)',
  }),
  gap({
    rule: 'invariant ccp-1: one verifier',
    example: 'chartside-credit-provenance',
    profile: PROFILE.creditProvenance,
    breaks: (r) => r.agent.pop(),
    names: 'Constraint ccp-1 not met',
  }),
];

test.each(GAPS)('$rule is reported, naming the element', ({ broken, profile, names }) => {
  expect(validateFhir(broken(), profile).join('\n')).toContain(names);
});

test('a completion that answers an option its Questionnaire does not offer is caught', () => {
  const questionnaire = example('chartside-case-questionnaire');
  const completion = example('chartside-completion');
  expect(responseProblems(completion, questionnaire)).toEqual([]);
  completion.item![0]!.answer![0]!.valueCoding!.code = 'no-such-option';
  completion.item!.push({ linkId: 'poc-reflection', item: [] });
  expect(responseProblems(completion, questionnaire)).toEqual([
    'QuestionnaireResponse.item: poc-reflection appears 2 times',
    'QuestionnaireResponse.item[0].answer: {"valueCoding":{"system":"https://chartside.dev/fhir/Questionnaire/sepsis-hour-1-bundle|1.0.0","code":"no-such-option"}} is not an answerOption of outstanding-element',
    'QuestionnaireResponse.item[5].item: required item clinical-question is missing',
    'QuestionnaireResponse.item[5].item: required item source-consulted is missing',
    'QuestionnaireResponse.item[5].item: required item application-to-practice is missing',
  ]);
});

const terminology = jsonFiles('fhir-profiles/terminology').map(
  (name) => readJson(join('fhir-profiles/terminology', name)) as CodeSystem | ValueSet,
);
const codesOf = (url: string) =>
  (terminology.find((r) => r.url === url) as CodeSystem).concept?.map((c) => c.code);

test('the topic and override-reason CodeSystems hold the codes the app uses', () => {
  expect([CARD_TOPIC_SYSTEM, OVERRIDE_REASON_SYSTEM]).toEqual([
    TOPIC_SYSTEM,
    `${CHARTSIDE_FHIR}/CodeSystem/cds-override-reason`,
  ]);
  expect(codesOf(TOPIC_SYSTEM)).toEqual([...TOPIC_IDS]);
  const reasons = terminology.find((r) => r.url === OVERRIDE_REASON_SYSTEM) as CodeSystem;
  expect(reasons.concept).toEqual(OVERRIDE_REASONS.map(({ code, display }) => ({ code, display })));
});

test('each of our ValueSets expands to exactly the codes its compose includes', () => {
  for (const vs of terminology.filter((r): r is ValueSet => r.resourceType === 'ValueSet')) {
    const composed = vs.compose?.include.flatMap(
      (i) => codesOf(i.system ?? '')?.map((c) => `${i.system}|${c}`) ?? [],
    );
    expect([...(valueSetCodes(vs.url ?? '') as Set<string>)], vs.url).toEqual(composed);
  }
});

test('every required binding in our profiles names a ValueSet the validator can expand', () => {
  for (const profile of profiles.values()) {
    for (const element of profile.snapshot?.element ?? []) {
      if (element.binding?.strength !== 'required' || !element.binding.valueSet) continue;
      expect(
        valueSetCodes(element.binding.valueSet),
        `${profile.id}: ${element.id}`,
      ).toBeInstanceOf(Set);
    }
  }
});

test.each([
  ...jsonFiles('fhir-profiles/terminology').map((name) => join('fhir-profiles/terminology', name)),
  ...jsonFiles(STRUCTURE_DEFINITIONS_DIR).map((name) => join(STRUCTURE_DEFINITIONS_DIR, name)),
])('%s is itself valid R4', (file) => {
  expect(validateFhir(readJson(file) as Resource)).toEqual([]);
});
