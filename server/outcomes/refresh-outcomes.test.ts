import type { Encounter } from 'fhir/r4';
import { pino } from 'pino';
import { expect, test, vi } from 'vitest';
import type { Measure, PatientRecord } from '../../core/measures/measure';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import type { TenantRegistration } from '../../core/tenant';
import { LedgerStore } from '../credits/ledger-store';
import { AppError } from '../http/app-error';
import type { Database } from '../store/database';
import { forEachStore } from '../store/test-stores';
import { TenantStore, type Tenant } from '../tenants/tenant-store';
import { JobLease } from './job-lease';
import { OutcomeStore } from './outcome-store';
import {
  OUTCOMES_LEASE_MS,
  OUTCOMES_LEASE_RENEW_MS,
  refreshOutcomes,
  type PullPopulation,
  type RefreshDeps,
} from './refresh-outcomes';

const DAY = 86_400_000;
const NOW = new Date('2026-11-26T12:00:00.000Z');
const CREDITED = new Date(NOW.getTime() - 120 * DAY);
const SECRET = 'eyJhbGciOiJFUzM4NCJ9.secret-token-value';

/** Encounter-based stand-in measure: each encounter of the clinician in the period; finished = met. */
const fake: Measure = {
  id: 'CMS506',
  label: { en: 'Fake', es: 'Falsa' },
  simplification: { en: 'A test double', es: 'Un doble de prueba' },
  lowerIsBetter: false,
  basis: 'encounter',
  evaluate: (record, { practitioner, period }) =>
    record.encounters
      .filter(
        (e) =>
          e.participant?.[0]?.individual?.reference === practitioner &&
          Date.parse(e.period?.start ?? '') >= period.start.getTime() &&
          Date.parse(e.period?.start ?? '') < period.end.getTime(),
      )
      .map((e) => ({
        subject: `Encounter/${e.id ?? ''}`,
        patient: `Patient/${record.patient.id ?? ''}`,
        inNumerator: e.status === 'finished',
        reason: e.status,
      })),
};

const library = {
  cases: [
    { id: 'case-a', version: '1.0.0', qualityMeasures: [{ id: 'CMS506', title: 'x' }] },
    { id: 'case-b', version: '1.0.0', qualityMeasures: [] },
  ] as unknown as MicroCase[],
  valueSets: [],
};

function patient(
  id: string,
  offsetsDays: number[],
  practitioner = 'Practitioner/ana',
): PatientRecord {
  const encounters: Encounter[] = offsetsDays.map((days, i) => ({
    resourceType: 'Encounter',
    id: `${id}-e${String(i)}`,
    status: i % 2 === 0 ? 'finished' : 'cancelled',
    class: { code: 'AMB' },
    period: { start: new Date(CREDITED.getTime() + days * DAY).toISOString() },
    participant: [{ individual: { reference: practitioner } }],
  }));
  return {
    patient: { resourceType: 'Patient', id },
    encounters,
    conditions: [],
    observations: [],
    medicationRequests: [],
    medicationAdministrations: [],
  };
}

function registration(
  iss: string,
  overrides: Partial<TenantRegistration> = {},
): TenantRegistration {
  return {
    iss,
    name: iss,
    vendor: 'other',
    clientId: 'chartside',
    scope: 'launch openid fhirUser',
    frameOrigins: [],
    cdsClients: [],
    backendServices: {
      clientId: 'chartside-backend',
      scope: 'system/Patient.rs',
      algorithm: 'ES384',
    },
    status: 'active',
    ...overrides,
  };
}

async function credit(
  db: Database,
  tenant: Tenant,
  learner: string,
  caseId = 'case-a',
  awarded = 1,
) {
  const id = crypto.randomUUID();
  await db
    .insertInto('ledger')
    .values({
      id,
      tenant_id: tenant.id,
      learner: `${tenant.iss}/${learner}`,
      attempt_id: crypto.randomUUID(),
      case_id: caseId,
      case_version: '1.0.0',
      encounter: `${tenant.iss}/Encounter/e1`,
      encounter_version: null,
      awarded,
      amount: awarded ? 0.5 : 0,
      format: 'internet-poc',
      credit_type: 'AMA PRA Category 1 Credit',
      denials: '[]',
      score: 1,
      recorded_at: CREDITED.toISOString(),
      credit_day: CREDITED.toISOString().slice(0, 10),
      resources: '[]',
      receipt: '',
      prev_hash: '',
      hash: id,
    })
    .execute();
  return id;
}

async function setUp(db: Database) {
  const tenants = new TenantStore(db);
  const good = await tenants.insert(registration('https://good.example.org/fhir'));
  const refused = await tenants.insert(registration('https://refused.example.org/fhir'));
  const noBackend = await tenants.insert(
    registration('https://plain.example.org/fhir', { backendServices: undefined }),
  );
  const disabled = await tenants.insert(
    registration('https://off.example.org/fhir', { status: 'disabled' }),
  );
  const anaCredit = await credit(db, good, 'Practitioner/ana');
  await credit(db, good, 'Practitioner/ana', 'case-b'); // a case with no measure
  await credit(db, good, 'Practitioner/ana', 'case-a', 0); // not awarded
  await credit(db, good, 'Patient/not-a-clinician');
  for (const t of [refused, noBackend, disabled]) await credit(db, t, 'Practitioner/ana');
  const lines: string[] = [];
  const pulled: { tenant: string; since: string }[] = [];
  const pull: PullPopulation = (tenant, since) => {
    pulled.push({ tenant: tenant.iss, since: since.toISOString() });
    if (tenant.id === refused.id)
      return Promise.reject(new AppError('BACKEND_TOKEN_REJECTED', 502, `refused ${SECRET}`));
    return Promise.resolve({
      source: 'bulk',
      records: [patient('p1', [-30, -20, 0, 10, 20]), patient('p2', [-1], 'Practitioner/ben')],
    });
  };
  const deps: RefreshDeps = {
    tenants,
    ledger: new LedgerStore(db),
    outcomes: new OutcomeStore(db),
    library,
    measures: [fake],
    pull,
    lease: new JobLease(db, 'outcomes-refresh', 'test-process'),
    windows: { beforeDays: 180, afterDays: 180 },
    logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }),
    now: () => NOW,
  };
  return { deps, good, refused, anaCredit, lines, pulled };
}

forEachStore('outcomes job', (store) => {
  test('each active tenant with Backend Services is refreshed; a refused one is logged by code only', async () => {
    const db = await store.open();
    const { deps, good, refused, anaCredit, lines, pulled } = await setUp(db);
    const summary = await refreshOutcomes(deps);

    expect(pulled.map((p) => p.tenant).sort()).toEqual([good.iss, refused.iss]);
    expect(pulled[0]?.since).toBe(new Date(CREDITED.getTime() - 180 * DAY).toISOString());
    expect(summary.ran).toBe(true);
    expect(summary.comparisons).toBe(1);
    expect(summary.tenants.find((t) => t.tenantId === refused.id)).toEqual({
      tenantId: refused.id,
      status: 'failed',
      code: 'BACKEND_TOKEN_REJECTED',
    });
    expect(summary.tenants.find((t) => t.tenantId === good.id)).toMatchObject({
      status: 'refreshed',
      source: 'bulk',
      patients: 2,
      comparisons: 1,
      skippedCredits: 1,
    });
    const rows = await deps.outcomes.all({});
    expect(rows).toEqual([
      {
        tenantId: good.id,
        learner: `${good.iss}/Practitioner/ana`,
        creditId: anaCredit,
        caseId: 'case-a',
        caseVersion: '1.0.0',
        creditedAt: CREDITED.toISOString(),
        measureId: 'CMS506',
        // Encounters at −30 (finished), −20 (cancelled) before; 0 (finished), 10, 20 after.
        before: {
          periodStart: new Date(CREDITED.getTime() - 180 * DAY).toISOString(),
          periodEnd: CREDITED.toISOString(),
          numerator: 1,
          denominator: 2,
        },
        after: {
          periodStart: CREDITED.toISOString(),
          periodEnd: NOW.toISOString(),
          numerator: 2,
          denominator: 3,
        },
      },
    ]);
    expect(await deps.outcomes.lastRun(good.id)).toMatchObject({ source: 'bulk', patients: 2 });
    expect(await deps.outcomes.lastRun(refused.id)).toBeUndefined();

    const log = lines.join('\n');
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain('refused ');
    const failure = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.code);
    expect(failure).toMatchObject({ tenantId: refused.id, code: 'BACKEND_TOKEN_REJECTED' });
    // The lease is given back.
    expect(await new JobLease(db, 'outcomes-refresh', 'another').take(1000)).toBe(true);
  });

  test('a rerun stores the same rows', async () => {
    const { deps } = await setUp(await store.open());
    await refreshOutcomes(deps);
    const first = await deps.outcomes.all({});
    await refreshOutcomes({ ...deps, now: () => new Date(NOW.getTime() + 1000) });
    const second = await deps.outcomes.all({});
    expect(second.map((r) => ({ ...r, after: { ...r.after, periodEnd: '' } }))).toEqual(
      first.map((r) => ({ ...r, after: { ...r.after, periodEnd: '' } })),
    );
    expect(second).toHaveLength(1);
  });

  test('when the lease passes to another process mid-run, the job stops and leaves it to them', async () => {
    const db = await store.open();
    const { deps, good, pulled } = await setUp(db);
    const pull: PullPopulation = async (tenant, since) => {
      // As if this process had stalled past the lease and another had taken it.
      await db
        .updateTable('job_leases')
        .set({ holder: 'other-process', expires_at: new Date(Date.now() + 60_000).toISOString() })
        .execute();
      return deps.pull(tenant, since);
    };
    const summary = await refreshOutcomes({ ...deps, pull });
    expect(summary.tenants.map((t) => t.tenantId)).toEqual([good.id]);
    expect(pulled.map((p) => p.tenant)).toEqual([good.iss]);
    const lease = await db.selectFrom('job_leases').selectAll().execute();
    expect(lease.map((l) => l.holder)).toEqual(['other-process']);
  });

  test('a heartbeat keeps the lease through a long pull; a dead holder blocks the job for minutes, not hours', async () => {
    const db = await store.open();
    const { deps } = await setUp(db);
    const other = new JobLease(db, 'outcomes-refresh', 'other-process');
    const expiresAt = async (): Promise<number> =>
      Date.parse(
        (await db.selectFrom('job_leases').select('expires_at').executeTakeFirstOrThrow())
          .expires_at,
      );
    let takenByOther: boolean | undefined;
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const pull: PullPopulation = async (tenant, since) => {
        // As if the export had run for most of the lease: it would end a second from now.
        await db
          .updateTable('job_leases')
          .set({ expires_at: new Date(Date.now() + 1000).toISOString() })
          .execute();
        vi.advanceTimersByTime(OUTCOMES_LEASE_RENEW_MS);
        for (let i = 0; i < 200 && (await expiresAt()) < Date.now() + 60_000; i++)
          await new Promise((resolve) => setTimeout(resolve, 5));
        // Two seconds on, the lease would have lapsed without the heartbeat.
        takenByOther = await other.take(60_000, new Date(Date.now() + 2000));
        return deps.pull(tenant, since);
      };
      const summary = await refreshOutcomes({ ...deps, pull });
      expect(summary.tenants.map((t) => t.status)).toContain('refreshed');
    } finally {
      vi.useRealTimers();
    }
    expect(takenByOther).toBe(false);
    // What a holder that died leaves behind lapses within minutes.
    expect(OUTCOMES_LEASE_MS).toBeLessThanOrEqual(10 * 60_000);
  });

  test('a stopping process starts no further tenant and gives the lease back', async () => {
    const db = await store.open();
    const { deps, pulled } = await setUp(db);
    const stopping = new AbortController();
    const pull: PullPopulation = (tenant, since) => {
      stopping.abort();
      return deps.pull(tenant, since);
    };
    const summary = await refreshOutcomes({ ...deps, pull, signal: stopping.signal });
    expect(pulled).toHaveLength(1);
    expect(summary.tenants).toHaveLength(1);
    expect(await new JobLease(db, 'outcomes-refresh', 'next-process').take(60_000)).toBe(true);
  });

  test('while another process holds the lease the job does nothing', async () => {
    const db = await store.open();
    const { deps, pulled } = await setUp(db);
    expect(await new JobLease(db, 'outcomes-refresh', 'other-process').take(60_000)).toBe(true);
    expect(await refreshOutcomes(deps)).toEqual({ ran: false, tenants: [], comparisons: 0, ms: 0 });
    expect(pulled).toEqual([]);
    expect(await deps.outcomes.all({})).toEqual([]);
  });
});
