import type {
  Basic,
  Bundle,
  CapabilityStatement,
  OperationOutcome,
  PlanDefinition,
  Provenance,
  Questionnaire,
  QuestionnaireResponse,
} from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXTENSION, PROFILE } from '../../core/fhir/canonical';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { loadCaseLibrary } from '../../server/library/case-library';
import { completionBody } from '../support/completion-body';
import { responseProblems, validateFhir } from '../support/fhir-validation';
import { learnerSession, type LearnerSession } from '../support/learner-session';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let learner: LearnerSession;
let sepsis: MicroCase;
let caseCount: number;
let archivedCount: number;
let creditId: string;

beforeAll(async () => {
  stack = await startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } });
  const library = await loadCaseLibrary({
    casesDir: 'cases',
    valueSetsDir: 'fhir-profiles/valuesets',
  });
  caseCount = library.cases.length;
  archivedCount = library.archived.length;
  sepsis = library.cases.find((c) => c.topic === 'sepsis')!;
  learner = await learnerSession(stack, 'maria-santos');
  const response = await fetch(`${stack.appUrl}/api/completions`, {
    method: 'POST',
    headers: learner.headers,
    body: JSON.stringify(completionBody(sepsis, learner)),
  });
  creditId = ((await response.json()) as { credit: { id: string } }).credit.id;
});
afterAll(() => stack.close());

async function read<T>(path: string, headers: Record<string, string> = learner.headers) {
  const response = await fetch(`${stack.appUrl}/fhir/${path}`, { headers });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** The award, its Provenance and the completion, as the learner reads them from the façade. */
async function creditResources() {
  const award = await read<Basic>(`Basic/${creditId}`);
  const provenances = await read<Bundle>(`Provenance?target=Basic/${creditId}`);
  const provenance = provenances.entry![0]!.resource as Provenance;
  const completionRef = provenance.target.find((t) =>
    t.reference?.startsWith('QuestionnaireResponse/'),
  )!.reference!;
  const completion = await read<QuestionnaireResponse>(completionRef);
  return { award, provenance, completion };
}

test('a credit earned through the API reads back as an award, a completion and a Provenance that conform to their profiles', async () => {
  const { award, provenance, completion } = await creditResources();
  expect(validateFhir(award, PROFILE.creditAward)).toEqual([]);
  expect(validateFhir(completion, PROFILE.completion)).toEqual([]);
  expect(validateFhir(provenance, PROFILE.creditProvenance)).toEqual([]);
  // Each declares its profile, so a health system's tools know what to validate it against.
  expect([award, completion, provenance].map((r) => r.meta?.profile)).toEqual([
    [PROFILE.creditAward],
    [PROFILE.completion],
    [PROFILE.creditProvenance],
  ]);
  expect(provenance.target.map((t) => t.reference)).toEqual([
    `Basic/${creditId}`,
    `QuestionnaireResponse/${completion.id ?? ''}`,
  ]);
});

test('the case canonical that the completion, award and Provenance reference resolves publicly to the Questionnaire the completion answers', async () => {
  const { award, provenance, completion } = await creditResources();
  const canonical = completion.questionnaire!;
  expect(canonical).toBe(`https://chartside.dev/fhir/Questionnaire/${sepsis.id}|${sepsis.version}`);
  expect(provenance.entity?.map((e) => e.what.reference)).toContain(canonical);
  expect(award.extension?.find((e) => e.url === EXTENSION.accreditedActivity)).toEqual({
    url: EXTENSION.accreditedActivity,
    valueReference: { reference: canonical },
  });
  const [url, version] = canonical.split('|');
  const found = await read<Bundle>(
    `Questionnaire?url=${encodeURIComponent(url!)}&version=${version!}`,
    {},
  );
  expect(found.total).toBe(1);
  const questionnaire = found.entry![0]!.resource as Questionnaire;
  expect(validateFhir(questionnaire, PROFILE.caseQuestionnaire)).toEqual([]);
  expect(responseProblems(completion, questionnaire)).toEqual([]);
});

test('the PlanDefinition of a case is public, found by url|version, and offers the same Questionnaire', async () => {
  const found = await read<Bundle>(
    `PlanDefinition?url=${encodeURIComponent(`https://chartside.dev/fhir/PlanDefinition/${sepsis.id}|${sepsis.version}`)}`,
    {},
  );
  expect(found.total).toBe(1);
  const plan = found.entry![0]!.resource as PlanDefinition;
  expect(validateFhir(plan, PROFILE.casePlanDefinition)).toEqual([]);
  expect(plan.action?.[0]?.definitionCanonical).toBe(
    `https://chartside.dev/fhir/Questionnaire/${sepsis.id}|${sepsis.version}`,
  );
  expect(await read<PlanDefinition>(`PlanDefinition/${sepsis.id}`, {})).toEqual(plan);
});

test('every case version of the library is listed, and a version the library does not have is not', async () => {
  expect((await read<Bundle>('Questionnaire', {})).total).toBe(caseCount + archivedCount);
  expect((await read<Bundle>('PlanDefinition?status=draft', {})).total).toBe(caseCount);
  const old = await read<Bundle>(`Questionnaire?_id=${sepsis.id}&version=0.0.1`, {});
  expect(old.total).toBe(0);
});

test('content answers unknown ids and search parameters with stable codes, without a session', async () => {
  const missing = await fetch(`${stack.appUrl}/fhir/Questionnaire/no-such-case`);
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({
    issue: [{ details: { coding: [{ code: 'NOT_FOUND' }] } }],
  });
  const unknown = await fetch(`${stack.appUrl}/fhir/PlanDefinition?publisher=Chartside`);
  expect(unknown.status).toBe(400);
  expect(await unknown.json()).toMatchObject({
    issue: [{ details: { coding: [{ code: 'REQUEST_INVALID' }] }, expression: ['publisher'] }],
  });
  expect((await fetch(`${stack.appUrl}/fhir/QuestionnaireResponse`)).status).toBe(401);
});

test('the CapabilityStatement lists the content types with their profiles and search parameters', async () => {
  const metadata = await read<CapabilityStatement>('metadata', {});
  const byType = new Map(metadata.rest![0]!.resource!.map((r) => [r.type, r]));
  expect(byType.get('Questionnaire')).toMatchObject({
    supportedProfile: [PROFILE.caseQuestionnaire],
    interaction: [{ code: 'read' }, { code: 'search-type' }],
  });
  expect(byType.get('PlanDefinition')?.searchParam?.map((p) => p.name)).toEqual(
    expect.arrayContaining(['url', 'version']),
  );
  expect(byType.get('Basic')?.supportedProfile).toEqual([PROFILE.creditAward]);
});

test('what else the façade emits — CapabilityStatement, searchsets, OperationOutcome — conforms to R4', async () => {
  expect(validateFhir(await read<CapabilityStatement>('metadata', {}))).toEqual([]);
  expect(validateFhir(await read<Bundle>(`Provenance?target=Basic/${creditId}`))).toEqual([]);
  expect(validateFhir(await read<Bundle>('PlanDefinition', {}))).toEqual([]);
  const missing = await fetch(`${stack.appUrl}/fhir/PlanDefinition/no-such-case`);
  expect(validateFhir((await missing.json()) as OperationOutcome)).toEqual([]);
});
