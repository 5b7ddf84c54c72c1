import { spawnSync } from 'node:child_process';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { loadCaseLibrary } from '../../server/library/case-library';
import { completionBody } from '../support/completion-body';
import { learnerSession, type LearnerSession } from '../support/learner-session';
import { pdfText } from '../support/pdf-text';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let sepsis: MicroCase;
let maria: LearnerSession;

beforeAll(async () => {
  stack = await startStack({
    env: { CREDIT_UNREVIEWED_CONTENT: 'allow', PROVIDER_NAME: 'Sandbox CME' },
  });
  sepsis = (
    await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' })
  ).cases.find((c) => c.topic === 'sepsis')!;
  maria = await learnerSession(stack, 'maria-santos');
});
afterAll(() => stack.close());

function completion(
  session: LearnerSession,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return completionBody(sepsis, session, overrides);
}

async function post(
  session: LearnerSession,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${stack.appUrl}/api/completions`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const ledgerRows = async (): Promise<number> =>
  (
    await stack.db
      .selectFrom('ledger')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
const errorCode = (body: Record<string, unknown>): unknown =>
  (body as { issue: { details: { coding: { code: string }[] } }[] }).issue[0]?.details.coding[0]
    ?.code;

test('a finished case earns 0.5 AMA PRA Category 1 Credit with a receipt anyone can verify', async () => {
  const { status, body } = await post(maria, completion(maria));
  expect(status).toBe(200);
  const credit = body.credit as Record<string, unknown>;
  expect(credit).toMatchObject({
    awarded: true,
    amount: 0.5,
    format: 'internet-poc',
    score: 1,
    denials: [],
    caseId: sepsis.id,
  });
  const jwks = (await (
    await fetch(`${stack.appUrl}/.well-known/jwks.json`)
  ).json()) as JSONWebKeySet;
  const { payload } = await compactVerify(String(body.receipt), createLocalJWKSet(jwks));
  expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({
    id: credit.id,
    amount: 0.5,
    learner: maria.fhirUser,
  });
});

test('the credit’s Provenance names the versioned encounter, the learner, the app and the case version', async () => {
  const colleague = await learnerSession(stack, 'maria-santos', 2);
  const { body } = await post(colleague, completion(colleague));
  const id = (body.credit as { id: string }).id;
  const detail = (await (
    await fetch(`${stack.appUrl}/api/credits/${id}`, { headers: colleague.headers })
  ).json()) as { resources: { resourceType: string }[] };
  const provenance = detail.resources.find((r) => r.resourceType === 'Provenance') as unknown as {
    target: { reference: string }[];
    agent: { who: { reference?: string; display?: string } }[];
    entity: { what: { reference: string } }[];
  };
  const encounterId = colleague.encounter.split('/')[1]!;
  expect(provenance.entity.map((e) => e.what.reference)).toEqual([
    expect.stringMatching(
      new RegExp(`^${stack.sandbox.urls.fhirBaseUrl}/Encounter/${encounterId}/_history/[^/]+$`),
    ),
    `https://chartside.dev/fhir/Questionnaire/${sepsis.id}|${sepsis.version}`,
  ]);
  expect(provenance.agent[0]?.who.reference).toBe(colleague.fhirUser);
  expect(provenance.agent[1]?.who.display).toMatch(/^Chartside \d+\.\d+\.\d+$/);
  expect(provenance.target.map((t) => t.reference)).toEqual([
    `Basic/${id}`,
    expect.stringMatching(/^QuestionnaireResponse\//),
  ]);
});

test('the same attempt sent again returns the same credit and writes nothing', async () => {
  const body = completion(maria);
  const first = await post(maria, body);
  const rows = await ledgerRows();
  const again = await post(maria, body);
  expect(again.body).toEqual(first.body);
  expect(await ledgerRows()).toBe(rows);
});

test.each([
  ['an unknown case', 422, 'CASE_UNKNOWN', { caseId: 'no-such-case' }],
  ['an unknown version', 422, 'CASE_UNKNOWN', { caseVersion: '9.9.9' }],
  [
    'an answer to no question',
    422,
    'ANSWERS_INVALID',
    { answers: [{ questionId: 'x', optionId: 'y' }] },
  ],
  ['a malformed attempt id', 400, 'REQUEST_INVALID', { attemptId: 'not-a-uuid' }],
  ['an extra field', 400, 'REQUEST_INVALID', { score: 1 }],
  [
    'an encounter of another patient',
    403,
    'ENCOUNTER_NOT_ACCESSIBLE',
    { encounter: 'Encounter/james-whitfield-encounter', patient: 'james-whitfield' },
  ],
  [
    'a patient that is not the encounter’s',
    403,
    'ENCOUNTER_PATIENT_MISMATCH',
    { patient: 'james-whitfield' },
  ],
  [
    'an encounter the token cannot read',
    403,
    'ENCOUNTER_NOT_ACCESSIBLE',
    { fhirAccessToken: 'x'.repeat(40) },
  ],
] as const)(
  '%s is refused with %i %s and nothing is written',
  async (_label, status, code, change) => {
    const rows = await ledgerRows();
    const response = await post(maria, completion(maria, change));
    expect([response.status, errorCode(response.body)]).toEqual([status, code]);
    expect(await ledgerRows()).toBe(rows);
  },
);

test('completions need a session', async () => {
  const response = await fetch(`${stack.appUrl}/api/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(completion(maria)),
  });
  expect([response.status, errorCode((await response.json()) as Record<string, unknown>)]).toEqual([
    401,
    'SESSION_REQUIRED',
  ]);
});

test('a second completion of the case on the same day is recorded without a second credit', async () => {
  const { body } = await post(maria, completion(maria));
  expect(body.credit).toMatchObject({
    awarded: false,
    amount: 0,
    denials: ['ALREADY_CREDITED_TODAY'],
  });
});

test('the transcript lists my credits for the period with their total, and nobody else’s', async () => {
  const transcript = (await (
    await fetch(`${stack.appUrl}/api/credits`, { headers: maria.headers })
  ).json()) as { total: number; credits: { awarded: boolean }[] };
  expect(transcript.total).toBe(0.5);
  expect(transcript.credits.filter((c) => c.awarded)).toHaveLength(1);
  const colleague = await learnerSession(stack, 'maria-santos', 1);
  const theirs = (await (
    await fetch(`${stack.appUrl}/api/credits`, { headers: colleague.headers })
  ).json()) as { credits: unknown[] };
  expect(theirs.credits).toEqual([]);
});

test('the certificate is a PDF with the designation statement and no patient data', async () => {
  const transcript = (await (
    await fetch(`${stack.appUrl}/api/credits`, { headers: maria.headers })
  ).json()) as { credits: { id: string; awarded: boolean }[] };
  const awarded = transcript.credits.find((c) => c.awarded)!;
  const response = await fetch(`${stack.appUrl}/api/credits/${awarded.id}/certificate`, {
    headers: maria.headers,
  });
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const pdf = Buffer.from(await response.arrayBuffer());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(pdf);
  expect(text).toContain(
    'designates this internet point-of-care activity for a maximum of 0.5 AMA PRA Category 1 Credit',
  );
  expect(text).toContain(sepsis.title.en);
  for (const patientData of ['Maria', 'Santos', 'maria-santos', 'Encounter', 'SB-100101'])
    expect(text).not.toContain(patientData);
});

test('ledger:verify passes on the real ledger and fails once a row is altered', async () => {
  const run = (): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/ledger-verify.ts'], {
      env: { ...process.env, DATA_DIR: stack.dataDir },
      encoding: 'utf8',
    });
  const intact = run();
  expect(intact.status, String(intact.stderr)).toBe(0);
  expect(String(intact.stdout)).toMatch(/Ledger verified: \d+ rows/);
  await stack.db.updateTable('ledger').set({ amount: 5 }).where('seq', '=', 1).execute();
  const tampered = run();
  expect(tampered.status).toBe(1);
  expect(String(tampered.stderr)).toContain('row 1: content does not match its hash');
});
