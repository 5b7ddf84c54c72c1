import { expect, test } from 'vitest';
import { forEachStore } from '../store/test-stores';
import { JobLease } from './job-lease';
import { OutcomeStore } from './outcome-store';
import type { OutcomeRun, StoredComparison } from './stored-comparison';

const ana = 'https://ehr.example.org/fhir/Practitioner/ana';
const ben = 'https://ehr.example.org/fhir/Practitioner/ben';

function comparison(overrides: Partial<StoredComparison> = {}): StoredComparison {
  return {
    tenantId: 't1',
    learner: ana,
    creditId: 'credit-1',
    caseId: 't2dm-hba1c-intensification',
    caseVersion: '1.0.0',
    creditedAt: '2026-07-29T10:00:00.000Z',
    measureId: 'CMS122',
    before: {
      periodStart: '2026-01-30T10:00:00.000Z',
      periodEnd: '2026-07-29T10:00:00.000Z',
      numerator: 7,
      denominator: 20,
    },
    after: {
      periodStart: '2026-07-29T10:00:00.000Z',
      periodEnd: '2026-11-26T12:00:00.000Z',
      numerator: 3,
      denominator: 18,
    },
    ...overrides,
  };
}

function run(overrides: Partial<OutcomeRun> = {}): OutcomeRun {
  return {
    tenantId: 't1',
    computedAt: '2026-11-26T12:00:00.000Z',
    beforeDays: 180,
    afterDays: 180,
    source: 'bulk',
    patients: 900,
    ...overrides,
  };
}

forEachStore('outcome store', (store) => {
  test('comparisons round-trip per learner and tenant, and the latest run is kept', async () => {
    const outcomes = new OutcomeStore(await store.open());
    const anaRows = [
      comparison(),
      comparison({ measureId: 'CMS165', before: { ...comparison().before, numerator: 0 } }),
    ];
    const benRow = comparison({ learner: ben, creditId: 'credit-2', measureId: 'SEP-1' });
    const otherTenant = comparison({ tenantId: 't2', creditId: 'credit-3' });
    await outcomes.replaceForTenant(run(), [...anaRows, benRow]);
    await outcomes.replaceForTenant(run({ tenantId: 't2', source: 'search', patients: 12 }), [
      otherTenant,
    ]);

    expect(await outcomes.forLearner('t1', ana)).toEqual(anaRows);
    expect(await outcomes.forLearner('t2', ana)).toEqual([otherTenant]);
    expect(await outcomes.forLearner('t1', 'Practitioner/nobody')).toEqual([]);
    expect(await outcomes.all({ tenantId: 't1' })).toEqual([...anaRows, benRow]);
    expect(await outcomes.all({})).toHaveLength(4);
    expect(await outcomes.lastRun('t1')).toEqual(run());
    expect(await outcomes.lastRun('t2')).toEqual(
      run({ tenantId: 't2', source: 'search', patients: 12 }),
    );
    expect(await outcomes.lastRun('t3')).toBeUndefined();

    const later = run({ computedAt: '2026-11-27T12:00:00.000Z', patients: 901 });
    await outcomes.replaceForTenant(later, [benRow]);
    expect(await outcomes.all({ tenantId: 't1' })).toEqual([benRow]);
    expect(await outcomes.all({ tenantId: 't2' })).toEqual([otherTenant]);
    expect(await outcomes.lastRun('t1')).toEqual(later);
    expect(await outcomes.lastRun()).toEqual(later);
  });

  test('a replacement that fails part-way leaves the previous run whole', async () => {
    const outcomes = new OutcomeStore(await store.open());
    const first = [comparison(), comparison({ measureId: 'CMS165' })];
    await outcomes.replaceForTenant(run(), first);
    // The same credit and measure twice breaks the primary key on the second insert.
    const broken = [comparison({ measureId: 'CMS144' }), comparison(), comparison()];
    await expect(
      outcomes.replaceForTenant(run({ computedAt: '2026-11-27T12:00:00.000Z' }), broken),
    ).rejects.toThrow();
    expect(await outcomes.all({ tenantId: 't1' })).toEqual(first);
    expect(await outcomes.lastRun('t1')).toEqual(run());
  });

  test('a comparison of another tenant is refused and nothing is stored', async () => {
    const outcomes = new OutcomeStore(await store.open());
    await expect(
      outcomes.replaceForTenant(run(), [comparison(), comparison({ tenantId: 't2' })]),
    ).rejects.toThrow(/another tenant/);
    expect(await outcomes.all({})).toEqual([]);
    expect(await outcomes.lastRun()).toBeUndefined();
  });

  test('more rows than one insert carries are all stored', async () => {
    const outcomes = new OutcomeStore(await store.open());
    const rows = Array.from({ length: 1234 }, (_, i) =>
      comparison({ creditId: `credit-${String(i).padStart(4, '0')}` }),
    );
    await outcomes.replaceForTenant(run(), rows);
    expect(await outcomes.forLearner('t1', ana)).toHaveLength(1234);
  });

  test('of two processes taking the lease at once one wins; an expired lease can be taken', async () => {
    const db = await store.open();
    const other = await store.reopen(db);
    const now = new Date('2026-11-26T12:00:00.000Z');
    const a = new JobLease(db, 'outcomes', 'process-a');
    const b = new JobLease(other, 'outcomes', 'process-b');
    const won = await Promise.all([a.take(60_000, now), b.take(60_000, now)]);
    expect(won.filter(Boolean)).toHaveLength(1);
    const [winner, loser] = won[0] ? [a, b] : [b, a];

    const soon = new Date(now.getTime() + 30_000);
    expect(await loser.take(60_000, soon)).toBe(false);
    // The holder renews its own lease.
    expect(await winner.take(60_000, soon)).toBe(true);
    expect(await loser.take(60_000, new Date(now.getTime() + 60_000))).toBe(false);
    // Once the renewed lease runs out, the other may take it.
    const expired = new Date(soon.getTime() + 60_000);
    expect(await loser.take(60_000, expired)).toBe(true);
    expect(await winner.take(60_000, expired)).toBe(false);
    // Releasing a lease one does not hold changes nothing; the holder's release frees it.
    await winner.release();
    expect(await winner.take(60_000, expired)).toBe(false);
    await loser.release();
    expect(await winner.take(60_000, expired)).toBe(true);
    // Another lease name is another lease.
    expect(await new JobLease(other, 'other-job', 'process-b').take(60_000, expired)).toBe(true);
  });

  test('closing frees the lease even with a renewal issued just before, and never takes it again', async () => {
    const db = await store.open();
    const leases = async () => db.selectFrom('job_leases').select('holder').execute();
    for (const renewalStarted of [false, true]) {
      const stopping = new JobLease(db, 'outcomes', `stopping-${String(renewalStarted)}`);
      expect(await stopping.take(60_000)).toBe(true);
      // A heartbeat's renewal races the stop: it must not land after the release.
      const renewal = stopping.take(60_000);
      if (renewalStarted) await new Promise((resolve) => setImmediate(resolve));
      await Promise.all([renewal, stopping.close()]);
      expect(await leases()).toEqual([]);
      expect(await stopping.take(60_000)).toBe(false);
      expect(await leases()).toEqual([]);
    }
    expect(await new JobLease(db, 'outcomes', 'next-process').take(60_000)).toBe(true);
  });
});
