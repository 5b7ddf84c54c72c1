import type { Basic, Bundle } from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXTENSION, PROFILE } from '../../core/fhir/canonical';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import type { Credit, TranscriptResponse } from '../../core/wire/completion';
import { loadCaseLibrary } from '../../server/library/case-library';
import { completionBody } from '../support/completion-body';
import { validateFhir } from '../support/fhir-validation';
import { learnerSession, type LearnerSession } from '../support/learner-session';
import { pdfText } from '../support/pdf-text';
import { startStack, type Stack } from '../support/stack';

// Only physicians (MD, DO) receive AMA PRA Category 1 Credit; other health professionals receive
// a certificate of participation in the designated activity (DOMAIN.md).
let stack: Stack;
let sepsis: MicroCase;

beforeAll(async () => {
  stack = await startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } });
  sepsis = (
    await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' })
  ).cases.find((c) => c.topic === 'sepsis')!;
});
afterAll(() => stack.close());

async function api(learner: LearnerSession, method: string, path: string, body?: unknown) {
  const response = await fetch(`${stack.appUrl}${path}`, {
    method,
    headers: learner.headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  expect(response.status, path).toBe(200);
  return response;
}

/** A learner of `profession` (none: a profile never saved) who finishes the sepsis case. */
async function finishAs(practitionerIndex: number, profession?: string) {
  const learner = await learnerSession(stack, 'maria-santos', practitionerIndex);
  if (profession !== undefined)
    await api(learner, 'PUT', '/api/profile', {
      profession,
      roleSource: 'learner',
      gaps: [],
      reporting: {},
      consentToReport: false,
    });
  const recorded = await api(learner, 'POST', '/api/completions', completionBody(sepsis, learner));
  const { credit } = (await recorded.json()) as { credit: Credit };
  const transcript = (await (
    await api(learner, 'GET', '/api/credits')
  ).json()) as TranscriptResponse;
  const award = (await (await api(learner, 'GET', `/fhir/Basic/${credit.id}`)).json()) as Basic;
  const pdf = Buffer.from(
    await (await api(learner, 'GET', `/api/credits/${credit.id}/certificate`)).arrayBuffer(),
  );
  const certificate = pdfText(pdf);
  const creditType = award.extension?.find((e) => e.url === EXTENSION.creditType)?.valueCoding;
  return { learner, credit, transcript, award, creditType, certificate };
}

test('a nurse practitioner’s completed cycle is recorded as participation, not AMA PRA credit', async () => {
  const { learner, credit, transcript, award, creditType, certificate } = await finishAs(
    1,
    'nurse-practitioner',
  );
  expect(credit).toMatchObject({
    awarded: true,
    amount: 0.5,
    creditType: 'Participation in an AMA PRA Category 1 Credit activity',
  });
  expect(creditType).toEqual({
    system: 'https://chartside.dev/fhir/CodeSystem/credit-type',
    code: 'ama-pra-1-participation',
    display: 'Participation in an AMA PRA Category 1 Credit activity',
  });
  expect(validateFhir(award, PROFILE.creditAward)).toEqual([]);
  expect([transcript.total, transcript.participationTotal]).toEqual([0, 0.5]);
  expect(certificate).toContain('Certificate of participation');
  expect(certificate).toContain('awarded to physicians (MD, DO) only');
  expect(certificate).not.toContain('Credit awarded');
  // The learner's own awards, as the façade lists them, say so too.
  const found = (await (await api(learner, 'GET', '/fhir/Basic')).json()) as Bundle<Basic>;
  expect(
    found.entry?.map(
      (e) => e.resource?.extension?.find((x) => x.url === EXTENSION.creditType)?.valueCoding?.code,
    ),
  ).toEqual(['ama-pra-1-participation']);
});

test.each([
  ['a physician', 'physician'],
  ['a learner who never stated a profession', undefined],
])('%s receives AMA PRA Category 1 Credit', async (_label, profession) => {
  const { credit, transcript, creditType, certificate } = await finishAs(
    profession === undefined ? 2 : 0,
    profession,
  );
  expect(credit).toMatchObject({ awarded: true, creditType: 'AMA PRA Category 1 Credit' });
  expect(creditType?.code).toBe('ama-pra-1');
  expect([transcript.total, transcript.participationTotal]).toEqual([0.5, undefined]);
  expect(certificate).toContain('Certificate of credit');
  expect(certificate).toContain('Credit awarded: 0.5 AMA PRA Category 1 Credit');
});
