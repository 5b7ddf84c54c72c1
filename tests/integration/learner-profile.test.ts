import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import {
  learnerExportSchema,
  profileResetResponseSchema,
  profileResponseSchema,
  type LearnerExport,
  type ProfileResponse,
} from '../../core/wire/learner';
import { loadCaseLibrary } from '../../server/library/case-library';
import { completionBody } from '../support/completion-body';
import { learnerSession, type LearnerSession } from '../support/learner-session';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let sepsis: MicroCase;
let maria: LearnerSession;
let colleague: LearnerSession;

beforeAll(async () => {
  stack = await startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } });
  sepsis = (
    await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' })
  ).cases.find((c) => c.topic === 'sepsis')!;
  maria = await learnerSession(stack, 'maria-santos');
  colleague = await learnerSession(stack, 'maria-santos', 1);
});
afterAll(() => stack.close());

async function call(
  session: LearnerSession | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${stack.appUrl}${path}`, {
    method,
    headers: session?.headers ?? { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    body: await response.json(),
    headers: response.headers,
  };
}
const getProfile = async (session: LearnerSession): Promise<ProfileResponse> =>
  profileResponseSchema.parse((await call(session, 'GET', '/api/profile')).body);
const putProfile = async (session: LearnerSession, body: unknown): Promise<ProfileResponse> =>
  profileResponseSchema.parse((await call(session, 'PUT', '/api/profile', body)).body);
const exportOf = async (session: LearnerSession): Promise<LearnerExport> =>
  learnerExportSchema.parse((await call(session, 'GET', '/api/profile/export')).body);
const errorOf = (body: unknown): [unknown, unknown] => {
  const issue = (
    body as { issue: { details: { coding: { code: string }[] }; expression?: string[] }[] }
  ).issue[0];
  return [issue?.details.coding[0]?.code, issue?.expression?.[0]];
};

const update = {
  profession: 'physician',
  specialty: 'emergency-medicine',
  roleSource: 'learner',
  gaps: ['sepsis', 'cap'],
  reporting: { npi: '1234567893', boardId: 'ABEM-1234', birthMonth: 3, birthDay: 14 },
  consentToReport: true,
};

test('a learner who saved nothing has the empty profile', async () => {
  const { status, body } = await call(colleague, 'GET', '/api/profile');
  expect([status, body]).toEqual([200, { profile: { gaps: [], reporting: {} }, updatedAt: null }]);
});

test('a saved profile comes back, with the time consent to report was given', async () => {
  const before = Date.now();
  const saved = await putProfile(maria, update);
  const { consentToReport, ...fields } = update;
  expect(saved.profile).toMatchObject(fields);
  expect(saved.profile.reportingConsent?.given).toBe(consentToReport);
  expect(Date.parse(saved.profile.reportingConsent?.at ?? '')).toBeGreaterThanOrEqual(
    before - 1000,
  );
  expect(await getProfile(maria)).toEqual(saved);
});

test('saving again keeps the consent time; withdrawing consent records when', async () => {
  const first = (await getProfile(maria)).profile;
  const again = await putProfile(maria, { ...update, gaps: ['sepsis'] });
  expect(again.profile.reportingConsent).toEqual(first.reportingConsent);
  const withdrawn = await putProfile(maria, { ...update, consentToReport: false });
  expect(withdrawn.profile.reportingConsent?.given).toBe(false);
  await putProfile(maria, update);
});

test.each([
  ['an NPI with a wrong check digit', 'reporting.npi', { reporting: { npi: '1234567890' } }],
  ['a specialty not on the list', 'specialty', { specialty: 'dermatology' }],
  ['a gap that is not a topic', 'gaps.0', { gaps: ['heart-failure'] }],
  [
    'a birth day the month lacks',
    'reporting.birthDay',
    { reporting: { birthMonth: 2, birthDay: 30 } },
  ],
  ['no answer on consent', 'consentToReport', { consentToReport: undefined }],
  [
    'a consent time set by the client',
    '(body)',
    { reportingConsent: { given: true, at: '2020-01-01T00:00:00Z' } },
  ],
] as const)(
  'a profile with %s is refused naming %s, and nothing changes',
  async (_label, field, change) => {
    const before = await getProfile(maria);
    const response = await call(maria, 'PUT', '/api/profile', { ...update, ...change });
    expect([response.status, ...errorOf(response.body)]).toEqual([400, 'REQUEST_INVALID', field]);
    expect(await getProfile(maria)).toEqual(before);
  },
);

test('another learner never sees Maria’s profile', async () => {
  expect((await getProfile(colleague)).updatedAt).toBeNull();
  expect(JSON.stringify(await exportOf(colleague))).not.toContain('1234567893');
});

test('the export is a JSON file of everything held about the learner, credits included', async () => {
  const completion = await call(maria, 'POST', '/api/completions', completionBody(sepsis, maria));
  expect(completion.status).toBe(200);
  const { status, headers } = await call(maria, 'GET', '/api/profile/export');
  expect(status).toBe(200);
  expect(headers.get('content-disposition')).toBe('attachment; filename="chartside-my-data.json"');
  const body = await exportOf(maria);
  expect(body.learner.fhirUser).toBe(maria.fhirUser);
  expect(body.profile.reporting.npi).toBe('1234567893');
  expect(body.credits.map((c) => c.credit.caseId)).toEqual([sepsis.id]);
  expect(body.credits[0]?.resources.length).toBeGreaterThan(0);
  expect(body.reviewAnswers).toHaveLength(sepsis.questions.length);
  expect(body.kept.map((k) => k.record)).toEqual(['credit-ledger']);
});

test('a reset erases profile and review state but keeps the credit ledger, and says so', async () => {
  const response = await call(maria, 'DELETE', '/api/profile');
  expect(response.status).toBe(200);
  const body = profileResetResponseSchema.parse(response.body);
  expect(body.deleted).toEqual({
    profile: true,
    reviewCards: sepsis.questions.length,
    reviewAnswers: sepsis.questions.length,
  });
  expect(body.kept).toEqual([
    { record: 'credit-ledger', reason: expect.stringContaining('accreditation record') as unknown },
  ]);
  const after = await exportOf(maria);
  expect([after.profileUpdatedAt, after.reviewCards, after.reviewAnswers]).toEqual([null, [], []]);
  expect(after.credits).toHaveLength(1);
});

test('profile routes need a session', async () => {
  for (const [method, path] of [
    ['GET', '/api/profile'],
    ['PUT', '/api/profile'],
    ['GET', '/api/profile/export'],
    ['DELETE', '/api/profile'],
  ] as const) {
    const response = await call(undefined, method, path, method === 'PUT' ? update : undefined);
    expect([response.status, errorOf(response.body)[0]]).toEqual([401, 'SESSION_REQUIRED']);
  }
});
