import { exportJWK, generateKeyPair } from 'jose';
import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import type { TenantRegistration } from '../../core/tenant';
import { loadAppKeys, type AppKeys } from '../auth/app-keys';
import { GENESIS_HASH, type LedgerEntry } from '../credits/ledger-hash';
import { LedgerStore, type AppendKey, type PolicyCounts } from '../credits/ledger-store';
import { signReceipt } from '../credits/receipt';
import { creditOf } from '../credits/record-completion';
import { verifyLedger } from '../credits/verify-ledger';
import { TenantStore } from '../tenants/tenant-store';
import { migrations } from './migrations';
import { forEachStore } from './test-stores';

let keys: AppKeys;
beforeAll(async () => {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'store-suite' });
  keys = await loadAppKeys({ dataDir: '/nonexistent', privateJwk });
});

function registration(overrides: Partial<TenantRegistration> = {}): TenantRegistration {
  return {
    iss: 'https://ehr.example.org/fhir',
    name: 'Example Health',
    vendor: 'epic',
    clientId: 'chartside',
    scope: 'launch openid fhirUser',
    frameOrigins: ['https://ehr.example.org'],
    cdsClients: [{ iss: 'epic-cds', jku: 'https://ehr.example.org/jwks', algorithms: ['ES384'] }],
    status: 'active',
    ...overrides,
  };
}

const DAY = '2026-03-14';

function appendKey(overrides: Partial<AppendKey> = {}): AppendKey {
  return {
    tenantId: 'tenant-1',
    learner: 'Practitioner/dr-lee',
    attemptId: crypto.randomUUID(),
    caseId: 'sepsis-lactate',
    day: DAY,
    year: DAY.slice(0, 4),
    ...overrides,
  };
}

/** Appends a credit as recordCompletion does; returns the row and the counts `build` was given. */
async function appendCredit(
  ledger: LedgerStore,
  key: AppendKey = appendKey(),
  overrides: Partial<LedgerEntry> = {},
): Promise<{ row: Awaited<ReturnType<LedgerStore['append']>>; counts?: PolicyCounts }> {
  let seen: PolicyCounts | undefined;
  const row = await ledger.append(key, (counts, prevHash) => {
    seen = counts;
    const entry: LedgerEntry = {
      id: crypto.randomUUID(),
      tenant_id: key.tenantId,
      learner: key.learner,
      attempt_id: key.attemptId,
      case_id: key.caseId,
      case_version: '1.2.0',
      encounter: 'Encounter/enc-1',
      encounter_version: '3',
      awarded: 1,
      amount: 0.1,
      format: 'internet-poc',
      credit_type: 'AMA PRA Category 1 Credit',
      denials: '[]',
      score: 0.8,
      recorded_at: `${key.day}T09:30:00.000Z`,
      credit_day: key.day,
      resources: '[]',
      prev_hash: prevHash,
      ...overrides,
    };
    return {
      entry,
      receipt: (hash) =>
        signReceipt(
          keys,
          creditOf({
            ...entry,
            encounter_version: entry.encounter_version ?? null,
            seq: 0,
            hash,
            receipt: '',
          }),
          key.learner,
          hash,
        ),
    };
  });
  return { row, counts: seen };
}

forEachStore('store', (store) => {
  test('opening a store again applies no migration twice and keeps what was stored', async () => {
    const db = await store.open();
    await new TenantStore(db).upsert(registration());
    const again = await store.reopen(db);
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(again);
    expect(applied.rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
    expect((await new TenantStore(again).list()).map((t) => t.iss)).toEqual([
      'https://ehr.example.org/fhir',
    ]);
  });

  test('a tenant registration round-trips through upsert, findByIss and findById', async () => {
    const tenants = new TenantStore(await store.open());
    const stored = await tenants.upsert(registration());
    expect(stored).toMatchObject(registration());
    expect(stored.createdAt).toBe(stored.updatedAt);
    expect(await tenants.findByIss('https://ehr.example.org/fhir/')).toEqual(stored);
    expect(await tenants.findById(stored.id)).toEqual(stored);
    expect(await tenants.findByIss('https://other.example.org/fhir')).toBeUndefined();
  });

  test('a Backend Services registration round-trips, and an upsert without one keeps it', async () => {
    const tenants = new TenantStore(await store.open());
    const backendServices = {
      clientId: 'chartside-backend',
      scope: 'system/Patient.rs system/Encounter.rs',
      algorithm: 'ES384' as const,
      tokenUrl: 'https://ehr.example.org/oauth2/token',
    };
    const stored = await tenants.upsert(registration({ backendServices }));
    expect(stored.backendServices).toEqual(backendServices);
    expect((await tenants.findById(stored.id))?.backendServices).toEqual(backendServices);
    // TENANTS_FILE without the field does not erase what an admin added.
    const again = await tenants.upsert(registration({ name: 'Renamed' }));
    expect([again.name, again.backendServices]).toEqual(['Renamed', backendServices]);
    expect(
      (await tenants.upsert(registration({ iss: 'https://b.example.org/fhir' }))).backendServices,
    ).toBeUndefined();
  });

  test('upserting the same iss updates in place, and a disabled tenant leaves listActive', async () => {
    const tenants = new TenantStore(await store.open());
    const first = await tenants.upsert(registration());
    await tenants.upsert(registration({ iss: 'https://b.example.org/fhir', name: 'Beta Clinic' }));
    const disabled = await tenants.upsert(
      registration({ name: 'Alpha Health', status: 'disabled' }),
    );
    expect(disabled.id).toBe(first.id);
    expect(disabled.createdAt).toBe(first.createdAt);
    expect((await tenants.list()).map((t) => [t.name, t.status])).toEqual([
      ['Alpha Health', 'disabled'],
      ['Beta Clinic', 'active'],
    ]);
    expect((await tenants.listActive()).map((t) => t.name)).toEqual(['Beta Clinic']);
  });

  test('an appended credit is found by attempt and id with the same JS types on every store', async () => {
    const ledger = new LedgerStore(await store.open());
    const key = appendKey();
    const { row } = await appendCredit(ledger, key);
    expect(row).toMatchObject({
      seq: 1,
      awarded: 1,
      amount: 0.1,
      score: 0.8,
      prev_hash: GENESIS_HASH,
    });
    expect(await ledger.findAttempt(key.tenantId, key.learner, key.attemptId)).toEqual(row);
    expect(await ledger.findCredit(key.tenantId, key.learner, row.id)).toEqual(row);
    expect(await ledger.findCredit(key.tenantId, 'Practitioner/other', row.id)).toBeUndefined();
    expect(await ledger.all()).toEqual([row]);
  });

  test('listCredits returns the learner’s credits within the period, newest first', async () => {
    const ledger = new LedgerStore(await store.open());
    const march = await appendCredit(ledger, appendKey({ day: '2026-03-01' }));
    const april = await appendCredit(ledger, appendKey({ day: '2026-04-01' }));
    await appendCredit(ledger, appendKey({ day: '2026-05-01' }));
    await appendCredit(ledger, appendKey({ day: '2026-04-02', learner: 'Practitioner/other' }));
    const listed = await ledger.listCredits('tenant-1', 'Practitioner/dr-lee', {
      from: '2026-03-01',
      to: '2026-04-30',
    });
    expect(listed.map((r) => r.id)).toEqual([april.row.id, march.row.id]);
  });

  test('appending an attempt that is already recorded returns the recorded row and writes nothing', async () => {
    const ledger = new LedgerStore(await store.open());
    const key = appendKey();
    const { row } = await appendCredit(ledger, key);
    const repeat = await appendCredit(ledger, key, { amount: 0.5 });
    expect(repeat.row).toEqual(row);
    expect(repeat.counts).toBeUndefined();
    expect(await ledger.all()).toHaveLength(1);
  });

  test('the same attempt sent twice at once is recorded once', async () => {
    const ledger = new LedgerStore(await store.open());
    const key = appendKey();
    const [a, b] = await Promise.all([appendCredit(ledger, key), appendCredit(ledger, key)]);
    expect(a.row).toEqual(b.row);
    expect(await ledger.all()).toHaveLength(1);
  });

  test('an entry that fails to build is refused alone; the appends around it are recorded', async () => {
    const ledger = new LedgerStore(await store.open());
    // The first append opens a transaction; the three sent meanwhile share the next one.
    const first = appendCredit(ledger);
    const second = appendCredit(ledger);
    const refused = ledger.append(appendKey(), () => {
      throw new Error('the credit policy refused this entry');
    });
    const third = appendCredit(ledger);
    await expect(refused).rejects.toThrow('the credit policy refused this entry');
    const ids = (await Promise.all([first, second, third])).map((r) => r.row.id);
    expect((await ledger.all()).map((r) => r.id)).toEqual(ids);
    expect(await verifyLedger(ledger, keys)).toEqual([]);
  });

  test('policy counts: awarded credits for this case today, and the amount awarded this year', async () => {
    const ledger = new LedgerStore(await store.open());
    await appendCredit(ledger, appendKey(), { amount: 0.5 });
    await appendCredit(ledger, appendKey(), { amount: 0.25 });
    await appendCredit(ledger, appendKey(), { awarded: 0, amount: 0 });
    await appendCredit(ledger, appendKey({ caseId: 'stroke-tpa' }), { amount: 0.5 });
    await appendCredit(ledger, appendKey({ day: '2026-01-02' }), { amount: 0.5 });
    await appendCredit(ledger, appendKey({ day: '2025-12-31', year: '2025' }), { amount: 0.5 });
    await appendCredit(ledger, appendKey({ learner: 'Practitioner/other' }), { amount: 0.5 });
    await appendCredit(ledger, appendKey({ tenantId: 'tenant-2' }), { amount: 0.5 });
    const { counts } = await appendCredit(ledger, appendKey());
    expect(counts).toEqual({ creditsForCaseToday: 2, creditThisYear: 1.75 });
    const { counts: none } = await appendCredit(ledger, appendKey({ learner: 'Practitioner/new' }));
    expect(none).toEqual({ creditsForCaseToday: 0, creditThisYear: 0 });
  });

  test('each row carries the previous row’s hash and the ledger verifies', async () => {
    const ledger = new LedgerStore(await store.open());
    for (let i = 0; i < 5; i += 1) await appendCredit(ledger);
    const rows = await ledger.all();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.prev_hash)).toEqual([
      GENESIS_HASH,
      ...rows.slice(0, -1).map((r) => r.hash),
    ]);
    expect(await verifyLedger(ledger, keys)).toEqual([]);
  });

  test('verification names a row whose content was changed after it was written', async () => {
    const db = await store.open();
    const ledger = new LedgerStore(db);
    for (let i = 0; i < 3; i += 1) await appendCredit(ledger);
    await db.updateTable('ledger').set({ amount: 1 }).where('seq', '=', 2).execute();
    expect(await verifyLedger(ledger, keys)).toEqual(['row 2: content does not match its hash']);
  });

  test('50 concurrent appends from two connections form one valid chain', async () => {
    const db = await store.open();
    // A second process's pool on PostgreSQL; SQLite in one process shares its one connection.
    const second = store.kind === 'postgres' ? await store.reopen(db) : db;
    const ledgers = [new LedgerStore(db), new LedgerStore(second)];
    const rows = await Promise.all(
      Array.from({ length: 50 }, (_, i) => appendCredit(ledgers[i % 2]!).then((r) => r.row)),
    );
    const chain = await ledgers[0]!.all();
    expect(chain).toHaveLength(50);
    expect(new Set(chain.map((r) => r.prev_hash)).size).toBe(50);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(chain.map((r) => r.id)));
    expect(await verifyLedger(ledgers[1]!, keys)).toEqual([]);
  });
});
