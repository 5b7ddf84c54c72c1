import { afterAll, beforeAll, expect, test } from 'vitest';
import { auditLogSchema, PARS_SUMMARY_HEADERS } from '../../core/wire/admin';
import { completionResponseSchema } from '../../core/wire/completion';
import { pointStatesResponseSchema } from '../../core/wire/learner';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { loadCaseLibrary } from '../../server/library/case-library';
import { ADMIN_TOKEN, adminFetch, outcome } from '../support/admin-stack';
import { completionBody } from '../support/completion-body';
import { learnerSession, type LearnerSession } from '../support/learner-session';
import { startStack, type Stack } from '../support/stack';

// Board-facing headers in an order the CME office chose; the case (activity) id is left out.
const PARS_COLUMNS = JSON.stringify({
  lastName: 'Last Name',
  firstName: 'First Name',
  boardId: 'ABIM ID',
  npi: 'NPI',
  birthMonth: 'Birth Month',
  birthDay: 'Birth Day',
  completionDate: 'Date Completed',
  creditType: 'Credit Type',
  creditAmount: 'Credits',
});

let stack: Stack;
let sepsis: MicroCase;
let consenting: LearnerSession;
let withholding: LearnerSession;

const profileOf = (first: string, last: string, consentToReport: boolean) => ({
  profession: 'physician',
  specialty: 'emergency-medicine',
  roleSource: 'learner',
  gaps: [],
  reporting: { firstName: first, lastName: last, boardId: 'ABEM-4242', birthMonth: 7, birthDay: 4 },
  consentToReport,
});

/** What the consenting learner's completion recorded, as the file should show it. */
const credits = { type: '', amount: '' };

async function earnCredit(session: LearnerSession) {
  const response = await fetch(`${stack.appUrl}/api/completions`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify(completionBody(sepsis, session)),
  });
  expect(response.status).toBe(200);
  const { credit } = completionResponseSchema.parse(await response.json());
  expect(credit.awarded).toBe(true);
  return credit;
}

beforeAll(async () => {
  stack = await startStack({
    env: { ADMIN_TOKEN, CREDIT_UNREVIEWED_CONTENT: 'allow', PARS_COLUMNS },
  });
  sepsis = (
    await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' })
  ).cases.find((c) => c.topic === 'sepsis')!;
  consenting = await learnerSession(stack, 'maria-santos');
  withholding = await learnerSession(stack, 'maria-santos', 1);
  for (const [session, profile] of [
    [consenting, profileOf('Grace', 'Hopper, Jr', true)],
    [withholding, profileOf('Withheld', 'Learner', false)],
  ] as const) {
    const saved = await fetch(`${stack.appUrl}/api/profile`, {
      method: 'PUT',
      headers: session.headers,
      body: JSON.stringify(profile),
    });
    expect(saved.status).toBe(200);
    const credit = await earnCredit(session);
    if (session === consenting)
      Object.assign(credits, { type: credit.creditType, amount: String(credit.amount) });
  }
});
afterAll(() => stack.close());

const day = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
// The credit day is the learner's local day: a day either side covers every time zone.
const range = `from=${day(-1)}&to=${day(1)}`;

test('the PARS file lists the consenting learner only, in the configured columns', async () => {
  const response = await adminFetch(stack.appUrl, `/reports/pars?${range}`, { actor: 'Cam' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(response.headers.get(PARS_SUMMARY_HEADERS.included)).toBe('1');
  expect(response.headers.get(PARS_SUMMARY_HEADERS.noConsent)).toBe('1');
  const [header, row, end, ...rest] = (await response.text()).split('\r\n');
  expect(header).toBe(
    'Last Name,First Name,ABIM ID,NPI,Birth Month,Birth Day,Date Completed,Credit Type,Credits',
  );
  const [completedOn, creditType, amount] = row?.split(',').slice(-3) ?? [];
  expect(row).toBe(`"Hopper, Jr",Grace,ABEM-4242,,7,4,${completedOn},${creditType},${amount}`);
  expect([creditType, amount]).toEqual([credits.type, credits.amount]);
  expect([day(-1), day(0), day(1)]).toContain(completedOn);
  expect([end, rest]).toEqual(['', []]);
});

test('nothing about a patient or the withholding learner is in the file', async () => {
  const text = await (await adminFetch(stack.appUrl, `/reports/pars?${range}&format=tsv`)).text();
  for (const forbidden of [
    'Patient',
    'Encounter',
    consenting.patient,
    consenting.encounter.split('/')[1] ?? consenting.encounter,
    'Withheld',
    'Practitioner',
  ])
    expect(text).not.toContain(forbidden);
});

test('each export is in the audit log with who asked and what was left out', async () => {
  await adminFetch(stack.appUrl, `/reports/pars?${range}`, { actor: 'Cam' });
  const log = auditLogSchema.parse(await (await adminFetch(stack.appUrl, '/audit')).json());
  expect(log.entries.find((e) => e.action === 'report.exported')).toMatchObject({
    actor: 'api:Cam',
    changes: { report: { to: 'pars' }, included: { to: 1 }, leftOutNoConsent: { to: 1 } },
  });
});

test('withdrawing consent takes the learner out of the next export', async () => {
  const withdrawn = await fetch(`${stack.appUrl}/api/profile`, {
    method: 'PUT',
    headers: consenting.headers,
    body: JSON.stringify(profileOf('Grace', 'Hopper, Jr', false)),
  });
  expect(withdrawn.status).toBe(200);
  const response = await adminFetch(stack.appUrl, `/reports/pars?${range}`);
  expect(response.headers.get(PARS_SUMMARY_HEADERS.noConsent)).toBe('2');
  expect((await response.text()).split('\r\n').filter(Boolean)).toHaveLength(1);
  await fetch(`${stack.appUrl}/api/profile`, {
    method: 'PUT',
    headers: consenting.headers,
    body: JSON.stringify(profileOf('Grace', 'Hopper, Jr', true)),
  });
});

test('a bad date is refused with REQUEST_INVALID; a learner session is not an admin token', async () => {
  const [status, code] = await outcome(
    await adminFetch(stack.appUrl, '/reports/pars?from=2026-13-01&to=2026-12-31'),
  );
  expect([status, code]).toEqual([400, 'REQUEST_INVALID']);
  const learnerToken = consenting.headers.authorization?.replace(/^Bearer /, '') ?? '';
  const refused = await adminFetch(stack.appUrl, `/reports/pars?${range}`, { token: learnerToken });
  expect((await outcome(refused)).slice(0, 2)).toEqual([401, 'SESSION_INVALID']);
});

test('the learner’s answered points are listed without the scheduler’s internals', async () => {
  const response = await fetch(`${stack.appUrl}/api/reviews/points`, {
    headers: consenting.headers,
  });
  const { points } = pointStatesResponseSchema.parse(await response.json());
  expect(points.map((p) => p.teachingPoint).sort()).toEqual(
    sepsis.questions.map((q) => `${sepsis.id}:${q.id}`).sort(),
  );
  expect(points.every((p) => p.lastCorrect)).toBe(true);
  expect(Object.keys(points[0] ?? {}).sort()).toEqual([
    'due',
    'lastAnsweredAt',
    'lastCorrect',
    'teachingPoint',
    'variant',
  ]);
});
