import { pino } from 'pino';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { PANEL_LEARNING } from '../../launch/sandbox/panel/panel-learning';
import { STAFF } from '../../launch/sandbox/personas/staff';
import { verifyLedger } from '../../server/credits/verify-ledger';
import { JobLease } from '../../server/outcomes/job-lease';
import { OutcomeStore } from '../../server/outcomes/outcome-store';
import type { OutcomesJobInput } from '../../server/outcomes/outcomes-job';
import { prepareOutcomes, stackOutcomesJob } from '../support/outcomes-setup';
import { startStack, type Stack } from '../support/stack';

const DAY = 86_400_000;
let stack: Stack;
let outcomes: OutcomeStore;
const now = new Date();

beforeAll(async () => {
  stack = await startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } });
  outcomes = new OutcomeStore(stack.db);
}, 120_000);
afterAll(() => stack.close());

/** The outcomes job on the stack, at this test's clock. */
const jobOnStack = (input: Partial<OutcomesJobInput>) =>
  stackOutcomesJob(stack, { now: () => now, ...input });

test('the panel’s demo credits go through the real completion path, dated 120 days ago', async () => {
  const { demo, summary } = await prepareOutcomes(stack, { now });
  expect([demo.recorded, demo.existing]).toEqual([PANEL_LEARNING.length, 0]);
  const sandbox = await stack.tenants.findByIss(`${stack.sandboxUrl}/fhir`);
  for (const [i, credit] of demo.credits.entries()) {
    const entry = PANEL_LEARNING[i];
    expect(credit).toMatchObject({ caseId: entry?.caseId, awarded: true, denials: [] });
    expect(Date.parse(credit.recordedAt)).toBe(now.getTime() - 120 * DAY);
    expect(credit.encounter.reference).toMatch(
      new RegExp(`^${stack.sandboxUrl}/fhir/Encounter/${entry?.encounterId ?? ''}(/_history/.+)?$`),
    );
  }
  const rows = await stack.ledger.all();
  expect(new Set(rows.map((r) => r.learner))).toEqual(
    new Set(PANEL_LEARNING.map((e) => `${sandbox?.iss ?? ''}/Practitioner/${e.clinicianId}`)),
  );
  // Hash chain and receipts: the ledger:verify check.
  expect(await verifyLedger(stack.ledger, stack.keys)).toEqual([]);
  expect(summary.tenants).toEqual([
    expect.objectContaining({ tenantId: sandbox?.id, status: 'refreshed' }),
  ]);
});

test('with the panel, ≥ 3 measures have before and after denominators of at least 11', async () => {
  const rows = await outcomes.all({});
  const measures = new Set(
    rows
      .filter((r) => r.before.denominator >= 11 && r.after.denominator >= 11)
      .map((r) => r.measureId),
  );
  expect(measures.size).toBeGreaterThanOrEqual(3);
  // Every learning entry is compared on each of its measures.
  for (const entry of PANEL_LEARNING) {
    for (const measureId of entry.measureIds) {
      expect(
        rows.some(
          (r) =>
            r.learner.endsWith(`/Practitioner/${entry.clinicianId}`) &&
            r.caseId === entry.caseId &&
            r.measureId === measureId,
        ),
      ).toBe(true);
    }
  }
  // Named from the EHR's Practitioner resources (system/Practitioner.rs), for the CME office.
  const named = new Map(
    rows.map((r) => [r.learner.replace(/^.*\/Practitioner\//, ''), r.learnerName]),
  );
  expect(named.get(STAFF.internist)).toBe('Amara Osei');
  expect(named.get(STAFF.cardiologist)).toBe('Lena Kowalski');
  const run = await outcomes.lastRun();
  expect(run).toMatchObject({ beforeDays: 180, afterDays: 180, computedAt: now.toISOString() });
  expect(run?.patients).toBeGreaterThan(500);
});

test('running everything again records no credit twice and stores the same rows', async () => {
  const before = await outcomes.all({});
  const ledgerRows = (await stack.ledger.all()).length;
  const { demo } = await prepareOutcomes(stack, { now });
  expect([demo.recorded, demo.existing]).toEqual([0, PANEL_LEARNING.length]);
  expect((await stack.ledger.all()).length).toBe(ledgerRows);
  expect(await outcomes.all({})).toEqual(before);
});

test('a tenant whose token is refused does not stop the others, and no token is logged', async () => {
  const { token_endpoint: tokenUrl } = (await (
    await fetch(`${stack.sandboxUrl}/fhir/.well-known/smart-configuration`)
  ).json()) as { token_endpoint: string };
  await stack.tenants.upsert({
    iss: `${stack.appUrl}/not-an-ehr/fhir`,
    name: 'Refusing EHR',
    vendor: 'other',
    clientId: 'chartside',
    scope: 'launch openid fhirUser',
    frameOrigins: [],
    cdsClients: [],
    // The sandbox's token endpoint does not know this client.
    backendServices: {
      clientId: 'not-registered-at-the-sandbox',
      scope: 'system/Patient.rs',
      algorithm: 'ES384',
      tokenUrl,
    },
    status: 'active',
  });
  const refusing = await stack.tenants.findByIss(`${stack.appUrl}/not-an-ehr/fhir`);
  // A ledger credit there so the job has to pull.
  const sandboxCredit = (await stack.ledger.all())[0];
  if (!refusing || !sandboxCredit) throw new Error('setup failed');
  const { seq, ...copied } = sandboxCredit;
  expect(seq).toBeGreaterThan(0);
  await stack.db
    .insertInto('ledger')
    .values({
      ...copied,
      id: crypto.randomUUID(),
      tenant_id: refusing.id,
      learner: `${refusing.iss}/Practitioner/x`,
    })
    .execute();
  const lines: string[] = [];
  const job = jobOnStack({
    logger: pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) }),
  });
  const summary = await job.run();
  expect(summary.tenants.find((t) => t.tenantId === refusing.id)).toEqual({
    tenantId: refusing.id,
    status: 'failed',
    code: 'BACKEND_TOKEN_REJECTED',
  });
  expect(summary.tenants.filter((t) => t.status === 'refreshed')).toHaveLength(1);
  const log = lines.join('\n');
  expect(log).toContain('BACKEND_TOKEN_REJECTED');
  // No JWT (client assertion or access token) and no token field in any line.
  expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
  expect(log).not.toMatch(/access_token|client_assertion/);
});

test('a stopping process gives the lease back at once, though a tenant is still being pulled', async () => {
  let unblock: () => void = () => undefined;
  const blocked = new Promise<void>((resolve) => (unblock = resolve));
  let requests = 0;
  const job = jobOnStack({
    // The first tenant's first request (its token) hangs, as a slow EHR would.
    fetch: async (input, init) => {
      requests += 1;
      if (requests === 1) await blocked;
      return fetch(input, init);
    },
  });
  const running = job.run();
  await vi.waitFor(() => expect(requests).toBe(1));
  const next = new JobLease(stack.db, 'outcomes-refresh', 'next-process');
  expect(await next.take(60_000)).toBe(false);

  await job.stop();
  expect(await next.take(60_000)).toBe(true);
  unblock();
  const summary = await running;
  // The tenant under way finishes; no other starts, and the next process keeps its lease.
  expect(summary.tenants).toHaveLength(1);
  expect(
    (await stack.db.selectFrom('job_leases').select('holder').execute()).map((r) => r.holder),
  ).toEqual(['next-process']);
  await next.release();
});
