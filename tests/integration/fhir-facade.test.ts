import type { Bundle, Provenance } from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { loadCaseLibrary } from '../../server/library/case-library';
import { completionBody } from '../support/completion-body';
import { learnerSession, type LearnerSession } from '../support/learner-session';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let learner: LearnerSession;
let creditId: string;
let sepsis: MicroCase;

beforeAll(async () => {
  stack = await startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } });
  sepsis = (
    await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' })
  ).cases.find((c) => c.topic === 'sepsis')!;
  learner = await learnerSession(stack, 'maria-santos');
  const response = await fetch(`${stack.appUrl}/api/completions`, {
    method: 'POST',
    headers: learner.headers,
    body: JSON.stringify(completionBody(sepsis, learner)),
  });
  creditId = ((await response.json()) as { credit: { id: string } }).credit.id;
});
afterAll(() => stack.close());

const read = (path: string, session: LearnerSession = learner): Promise<Response> =>
  fetch(`${stack.appUrl}/fhir/${path}`, { headers: session.headers });

test('the award, the completion and the Provenance can be read back as FHIR', async () => {
  const award = await read(`Basic/${creditId}`);
  expect(award.headers.get('content-type')).toContain('application/fhir+json');
  expect(await award.json()).toMatchObject({
    resourceType: 'Basic',
    id: creditId,
    subject: { reference: learner.fhirUser },
  });
  const provenances = (await (await read(`Provenance?target=Basic/${creditId}`)).json()) as Bundle;
  expect(provenances.total).toBe(1);
  const provenance = provenances.entry![0]!.resource as Provenance;
  const completionRef = provenance.target.find((t) =>
    t.reference?.startsWith('QuestionnaireResponse/'),
  )!.reference!;
  expect(await (await read(completionRef)).json()).toMatchObject({
    resourceType: 'QuestionnaireResponse',
    questionnaire: `https://chartside.dev/fhir/Questionnaire/${sepsis.id}|${sepsis.version}`,
    status: 'completed',
  });
  const byEncounter = (await (
    await read(`QuestionnaireResponse?encounter=${learner.encounter}`)
  ).json()) as Bundle;
  expect(byEncounter.total).toBe(1);
});

test('another learner cannot read my records', async () => {
  const colleague = await learnerSession(stack, 'maria-santos', 1);
  expect((await read(`Basic/${creditId}`, colleague)).status).toBe(404);
  expect(((await (await read('Provenance', colleague)).json()) as Bundle).total).toBe(0);
});

test('the façade needs a session, but its CapabilityStatement is public', async () => {
  expect((await fetch(`${stack.appUrl}/fhir/Basic/${creditId}`)).status).toBe(401);
  const metadata = await fetch(`${stack.appUrl}/fhir/metadata`);
  expect(await metadata.json()).toMatchObject({
    resourceType: 'CapabilityStatement',
    kind: 'instance',
  });
});

test('unknown types and search parameters are refused with stable codes', async () => {
  const patient = await read('Patient/maria-santos');
  expect(patient.status).toBe(404);
  const unknown = await read('Provenance?patient=x');
  expect(unknown.status).toBe(400);
  expect(await unknown.json()).toMatchObject({
    issue: [{ details: { coding: [{ code: 'REQUEST_INVALID' }] }, expression: ['patient'] }],
  });
});
