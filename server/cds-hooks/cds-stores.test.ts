import { expect, test } from 'vitest';
import { forEachStore } from '../store/test-stores';
import { CdsFeedbackStore } from './feedback-store';
import { IssuedCardStore, type IssuedCard } from './issued-card-store';
import { CdsJtiStore } from './jti-store';

const card = (overrides: Partial<IssuedCard> = {}): IssuedCard => ({
  uuid: crypto.randomUUID(),
  tenantId: 'tenant-1',
  learner: 'https://ehr.example.org/fhir/Practitioner/a',
  serviceId: 'chartside-patient-view',
  caseId: 'sepsis-hour-1-bundle',
  caseVersion: '1.0.0',
  hookInstance: crypto.randomUUID(),
  issuedAt: '2026-11-20T10:00:00.000Z',
  ...overrides,
});

forEachStore('CDS Hooks stores', (store) => {
  test('a jti is accepted once per issuer, and concurrent replays let exactly one through', async () => {
    const jtis = new CdsJtiStore(await store.open());
    const exp = new Date(Date.now() + 300_000);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => jtis.remember('https://ehr.example.org', 'jti-1', exp)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await jtis.remember('https://other.example.org', 'jti-1', exp)).toBe(true);
  });

  test('a second process sharing the store sees the first one’s jti as a replay', async () => {
    const db = await store.open();
    const exp = new Date(Date.now() + 300_000);
    expect(await new CdsJtiStore(db).remember('iss', 'shared', exp)).toBe(true);
    expect(await new CdsJtiStore(await store.reopen(db)).remember('iss', 'shared', exp)).toBe(
      false,
    );
  });

  test('expired jtis are purged and nothing else', async () => {
    const jtis = new CdsJtiStore(await store.open());
    const then = new Date('2026-11-26T10:00:00Z');
    const now = new Date('2026-11-26T12:00:00Z');
    await jtis.remember('iss', 'old', new Date('2026-11-26T11:00:00Z'), then);
    await jtis.remember('iss', 'live', new Date('2026-11-26T13:00:00Z'), then);
    expect(await jtis.purgeExpired(now)).toBe(1);
    expect(await jtis.remember('iss', 'live', new Date('2026-11-26T13:00:00Z'), now)).toBe(false);
  });

  test('feedback is idempotent and a dismissal becomes matcher history', async () => {
    const db = await store.open();
    const cards = new IssuedCardStore(db);
    const feedback = new CdsFeedbackStore(db);
    const issued = card();
    await cards.record([issued]);
    expect(await cards.find(issued.uuid)).toEqual(issued);
    const entry = {
      card: issued.uuid,
      outcome: 'overridden' as const,
      overrideReason: { reason: { code: 'not-relevant' } },
      outcomeTimestamp: '2026-11-21T08:00:00Z',
    };
    await feedback.record(issued, entry, new Date());
    await feedback.record(issued, entry, new Date());
    expect(
      await feedback.dismissals('tenant-1', issued.learner, new Date('2026-11-01T00:00:00Z')),
    ).toEqual([
      { caseId: 'sepsis-hour-1-bundle', outcome: 'dismissed', at: '2026-11-21T08:00:00.000Z' },
    ]);
    expect(await feedback.dismissals('tenant-1', 'someone else', new Date(0))).toEqual([]);
  });

  test('rates count issued cards, acceptances and dismissals per case', async () => {
    const db = await store.open();
    const cards = new IssuedCardStore(db);
    const feedback = new CdsFeedbackStore(db);
    const issued = [card(), card(), card(), card({ caseId: 'aki-kdigo-recognition' })];
    await cards.record(issued);
    const at = '2026-11-21T08:00:00Z';
    await feedback.record(
      issued[0]!,
      { card: '', outcome: 'accepted', outcomeTimestamp: at },
      new Date(),
    );
    await feedback.record(
      issued[1]!,
      { card: '', outcome: 'overridden', outcomeTimestamp: at },
      new Date(),
    );
    const rates = await feedback.ratesByCase('tenant-1', new Date(0));
    expect(rates).toEqual([
      {
        caseId: 'aki-kdigo-recognition',
        issued: 1,
        accepted: 0,
        dismissed: 0,
        acceptanceRate: 0,
        dismissalRate: 0,
      },
      {
        caseId: 'sepsis-hour-1-bundle',
        issued: 3,
        accepted: 1,
        dismissed: 1,
        acceptanceRate: 1 / 3,
        dismissalRate: 1 / 3,
      },
    ]);
  });
});
