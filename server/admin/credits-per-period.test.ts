import { expect, test } from 'vitest';
import type { Database } from '../store/database';
import { forEachStore } from '../store/test-stores';
import { creditsPerPeriod } from './credits-per-period';

let seq = 0;
async function ledgerRow(
  db: Database,
  row: {
    tenant: string;
    learner: string;
    day: string;
    awarded: boolean;
    amount?: number;
    creditType?: string;
  },
): Promise<void> {
  seq += 1;
  await db
    .insertInto('ledger')
    .values({
      id: `credit-${seq}`,
      tenant_id: row.tenant,
      learner: row.learner,
      attempt_id: `attempt-${seq}`,
      case_id: 'sepsis',
      case_version: '1.0.0',
      encounter: 'Encounter/e1',
      encounter_version: '1',
      awarded: row.awarded ? 1 : 0,
      amount: row.awarded ? (row.amount ?? 0.5) : 0,
      format: 'internet-poc',
      credit_type: row.creditType ?? 'AMA PRA Category 1 Credit',
      denials: '[]',
      score: 1,
      recorded_at: `${row.day}T12:00:00.000Z`,
      credit_day: row.day,
      resources: '[]',
      receipt: '',
      prev_hash: '',
      hash: `h${seq}`,
    })
    .execute();
}

forEachStore('credits per period', (store) => {
  test('completions, credits, amount and learners are counted per month and EHR', async () => {
    const db = await store.open();
    await ledgerRow(db, { tenant: 'a', learner: 'x', day: '2026-10-31', awarded: true });
    await ledgerRow(db, { tenant: 'a', learner: 'x', day: '2026-11-01', awarded: true });
    await ledgerRow(db, {
      tenant: 'a',
      learner: 'y',
      day: '2026-11-20',
      awarded: true,
      amount: 0.25,
    });
    await ledgerRow(db, { tenant: 'a', learner: 'y', day: '2026-11-21', awarded: false });
    await ledgerRow(db, { tenant: 'b', learner: 'z', day: '2026-11-02', awarded: true });
    const result = await creditsPerPeriod(db, { period: 'month' });
    expect(result).toEqual({
      period: 'month',
      rows: [
        {
          period: '2026-10',
          tenantId: 'a',
          completions: 1,
          creditsAwarded: 1,
          amount: 0.5,
          participations: 0,
          participationAmount: 0,
          learners: 1,
        },
        {
          period: '2026-11',
          tenantId: 'a',
          completions: 3,
          creditsAwarded: 2,
          amount: 0.75,
          participations: 0,
          participationAmount: 0,
          learners: 2,
        },
        {
          period: '2026-11',
          tenantId: 'b',
          completions: 1,
          creditsAwarded: 1,
          amount: 0.5,
          participations: 0,
          participationAmount: 0,
          learners: 1,
        },
      ],
    });
  });

  test('participation of other professions is counted apart from AMA PRA credit', async () => {
    const db = await store.open();
    await ledgerRow(db, { tenant: 'a', learner: 'md', day: '2026-11-02', awarded: true });
    const participation = 'Participation in an AMA PRA Category 1 Credit activity';
    await ledgerRow(db, {
      tenant: 'a',
      learner: 'np',
      day: '2026-11-03',
      awarded: true,
      creditType: participation,
    });
    await ledgerRow(db, {
      tenant: 'a',
      learner: 'np',
      day: '2026-11-04',
      awarded: false,
      creditType: participation,
    });
    expect((await creditsPerPeriod(db, { period: 'month' })).rows).toEqual([
      {
        period: '2026-11',
        tenantId: 'a',
        completions: 3,
        creditsAwarded: 1,
        amount: 0.5,
        participations: 1,
        participationAmount: 0.5,
        learners: 2,
      },
    ]);
  });

  test('a date range and one EHR narrow the count; years and days group as asked', async () => {
    const db = await store.open();
    await ledgerRow(db, { tenant: 'a', learner: 'x', day: '2025-12-31', awarded: true });
    await ledgerRow(db, { tenant: 'a', learner: 'x', day: '2026-01-01', awarded: true });
    await ledgerRow(db, { tenant: 'b', learner: 'x', day: '2026-01-01', awarded: true });
    expect((await creditsPerPeriod(db, { period: 'year' })).rows.map((r) => r.period)).toEqual([
      '2025',
      '2026',
      '2026',
    ]);
    const narrowed = await creditsPerPeriod(db, {
      period: 'day',
      from: '2026-01-01',
      to: '2026-01-31',
      tenantId: 'a',
    });
    expect(narrowed.rows).toEqual([
      {
        period: '2026-01-01',
        tenantId: 'a',
        completions: 1,
        creditsAwarded: 1,
        amount: 0.5,
        participations: 0,
        participationAmount: 0,
        learners: 1,
      },
    ]);
  });
});
