import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  adminOutcomesResponseSchema,
  learnerOutcomesResponseSchema,
  SUPPRESSED,
} from '../../core/wire/outcomes';
import { OutcomeStore } from '../../server/outcomes/outcome-store';
import { comparison, run } from '../../server/outcomes/test-support/dashboard-fixtures';
import { learnerSession, type LearnerSession } from '../support/learner-session';
import { startStack, type Stack } from '../support/stack';

const ADMIN_TOKEN = 'integration-admin-token-of-at-least-32-chars';

let stack: Stack;
let first: LearnerSession;
let second: LearnerSession;

beforeAll(async () => {
  stack = await startStack({ env: { ADMIN_TOKEN } });
  const patient = stack.sandbox.patients.find((p) => p.encounterId)?.id ?? '';
  [first, second] = await Promise.all([
    learnerSession(stack, patient, 0),
    learnerSession(stack, patient, 1),
  ]);
  const tenant = await stack.tenants.findByIss(stack.sandbox.urls.fhirBaseUrl);
  if (!tenant) throw new Error('the sandbox is not registered');
  const outcomes = new OutcomeStore(stack.db);
  await outcomes.replaceForTenant(run(tenant.id), [
    comparison({ tenantId: tenant.id, learner: first.fhirUser, creditId: 'first-credit' }),
    comparison({
      tenantId: tenant.id,
      learner: second.fhirUser,
      creditId: 'second-credit',
      counts: [
        [4, 120],
        [60, 66],
      ],
    }),
  ]);
  // The same clinician URL at an EHR that is not this session's.
  await outcomes.replaceForTenant(run('another-ehr'), [
    comparison({ tenantId: 'another-ehr', learner: first.fhirUser, creditId: 'elsewhere' }),
  ]);
});
afterAll(() => stack.close());

const outcomesOf = async (session: LearnerSession) => {
  const response = await fetch(`${stack.appUrl}/api/outcomes`, { headers: session.headers });
  expect(response.status).toBe(200);
  return learnerOutcomesResponseSchema.parse(await response.json());
};

test('each signed-in clinician gets their own comparisons, and nobody else’s', async () => {
  expect(first.fhirUser).not.toBe(second.fhirUser);
  const mine = await outcomesOf(first);
  expect(mine.comparisons.map((c) => c.creditId)).toEqual(['first-credit']);
  expect(mine.measures.map((m) => m.id)).toEqual(['CMS122']);
  expect(mine.measures[0]?.label.en).toMatch(/^CMS122-like/);

  const theirs = await outcomesOf(second);
  expect(theirs.comparisons.map((c) => c.creditId)).toEqual(['second-credit']);
  // 4 of 120 before; 60 of 66 after (6 who did not meet it): both numerators hidden.
  expect(theirs.comparisons[0]?.before).toMatchObject({ numerator: SUPPRESSED, denominator: 120 });
  expect(theirs.comparisons[0]?.after).toMatchObject({ numerator: SUPPRESSED, rate: null });
});

test('without a session there is nothing', async () => {
  const response = await fetch(`${stack.appUrl}/api/outcomes`);
  expect(response.status).toBe(401);
  const body = (await response.json()) as { issue: { details: { coding: { code: string }[] } }[] };
  expect(body.issue[0]?.details.coding[0]?.code).toBe('SESSION_REQUIRED');
});

test('a learner session is not an admin token', async () => {
  const response = await fetch(`${stack.appUrl}/api/admin/outcomes`, { headers: first.headers });
  expect(response.status).toBe(401);
});

test('the CME office sees both clinicians of every EHR through the mounted admin API', async () => {
  const response = await fetch(`${stack.appUrl}/api/admin/outcomes`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(response.status).toBe(200);
  const report = adminOutcomesResponseSchema.parse(await response.json());
  expect(report.comparisons.map((c) => c.creditId).sort()).toEqual([
    'elsewhere',
    'first-credit',
    'second-credit',
  ]);
  const csv = await fetch(`${stack.appUrl}/api/admin/reports/outcomes.csv`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
  expect((await csv.text()).split('\r\n')).toHaveLength(5);
});
