import { afterAll, beforeAll, expect, test } from 'vitest';
import { creditsPerPeriodSchema } from '../../core/wire/admin';
import { loadCaseLibrary } from '../../server/library/case-library';
import { ADMIN_TOKEN, adminFetch, outcome } from '../support/admin-stack';
import { completionBody } from '../support/completion-body';
import { learnerSession, type LearnerSession } from '../support/learner-session';
import { sandboxCdsCall } from '../support/sandbox-cds-call';
import { launchTokens } from '../support/smart-client';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let maria: LearnerSession;
let tenantId: string;

beforeAll(async () => {
  stack = await startStack({ env: { ADMIN_TOKEN, CREDIT_UNREVIEWED_CONTENT: 'allow' } });
  maria = await learnerSession(stack, 'maria-santos');
  tenantId = (await stack.tenants.findByIss(stack.sandbox.urls.fhirBaseUrl))?.id ?? '';
});
afterAll(() => stack.close());

const cdsCall = () =>
  sandboxCdsCall({
    appUrl: stack.appUrl,
    sandboxUrl: stack.sandboxUrl,
    sandboxDataDir: stack.dataDir,
  });
const launchConfig = () =>
  fetch(
    `${stack.appUrl}/api/launch-config?iss=${encodeURIComponent(stack.sandbox.urls.fhirBaseUrl)}`,
  );
const newSession = async () => {
  const { body } = await launchTokens(stack.sandbox, stack.appUrl, {
    patient: 'maria-santos',
    practitioner: stack.sandbox.practitioners[0]?.id ?? '',
  });
  return fetch(`${stack.appUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ iss: stack.sandbox.urls.fhirBaseUrl, idToken: body.id_token }),
  });
};

test('credits per period count a real completion for its EHR and month', async () => {
  const sepsis = (
    await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' })
  ).cases.find((c) => c.topic === 'sepsis')!;
  const completed = await fetch(`${stack.appUrl}/api/completions`, {
    method: 'POST',
    headers: maria.headers,
    body: JSON.stringify(completionBody(sepsis, maria)),
  });
  expect(completed.status).toBe(200);
  const { credit_day } = await stack.db
    .selectFrom('ledger')
    .select('credit_day')
    .executeTakeFirstOrThrow();
  const report = creditsPerPeriodSchema.parse(
    await (await adminFetch(stack.appUrl, '/credits?period=month')).json(),
  );
  expect(report.rows).toEqual([
    {
      period: credit_day.slice(0, 7),
      tenantId,
      iss: stack.sandbox.urls.fhirBaseUrl,
      completions: 1,
      creditsAwarded: 1,
      amount: 0.5,
      participations: 0,
      participationAmount: 0,
      learners: 1,
    },
  ]);
  const none = await adminFetch(
    stack.appUrl,
    '/credits?period=month&from=2000-01-01&to=2000-12-31',
  );
  expect(((await none.json()) as { rows: unknown[] }).rows).toEqual([]);
});

test('credit report parameters are checked', async () => {
  expect(await outcome(await adminFetch(stack.appUrl, '/credits?period=week'))).toEqual([
    400,
    'REQUEST_INVALID',
    '✖ Invalid option: expected one of "day"|"month"|"year"\n  → at period',
  ]);
  expect(
    await outcome(await adminFetch(stack.appUrl, '/credits?from=2026-02-01&to=2026-01-01')),
  ).toEqual([400, 'REQUEST_INVALID', 'from must not be after to']);
});

test('CDS feedback rates sit behind the same admin token', async () => {
  const path = `/cds-feedback?iss=${encodeURIComponent(stack.sandbox.urls.fhirBaseUrl)}`;
  const rates = await adminFetch(stack.appUrl, path);
  expect(rates.status).toBe(200);
  expect(await rates.json()).toMatchObject({ tenant: stack.sandbox.urls.fhirBaseUrl });
  expect(await outcome(await adminFetch(stack.appUrl, path, { token: 'wrong' }))).toEqual([
    401,
    'SESSION_INVALID',
    'An administrator token is required',
  ]);
});

test('disabling a tenant blocks its launches, sessions and CDS calls at once', async () => {
  expect((await cdsCall()).status).toBe(200);
  expect((await launchConfig()).status).toBe(200);
  expect((await fetch(`${stack.appUrl}/api/session`, { headers: maria.headers })).status).toBe(200);

  const disabled = await adminFetch(stack.appUrl, `/tenants/${tenantId}/disable`, {
    method: 'POST',
  });
  expect(((await disabled.json()) as { tenant: { status: string } }).tenant.status).toBe(
    'disabled',
  );

  expect(await outcome(await launchConfig())).toEqual([
    404,
    'TENANT_DISABLED',
    'Chartside is disabled for this EHR',
  ]);
  expect(
    await outcome(await fetch(`${stack.appUrl}/api/session`, { headers: maria.headers })),
  ).toEqual([401, 'TENANT_DISABLED', 'Chartside is disabled for this EHR']);
  expect(await outcome(await newSession())).toEqual([
    401,
    'TENANT_DISABLED',
    'Chartside is disabled for this EHR',
  ]);
  const refused = await cdsCall();
  expect([refused.status, await refused.text()]).toEqual([401, '']);
});

test('enabling the tenant again lets launches, sessions and CDS calls through', async () => {
  await adminFetch(stack.appUrl, `/tenants/${tenantId}/enable`, { method: 'POST' });
  expect((await launchConfig()).status).toBe(200);
  expect((await newSession()).status).toBe(200);
  expect((await cdsCall()).status).toBe(200);
});
