import { expect, test } from 'vitest';
import { EMPTY_PROFILE, type LearnerProfile } from '../../core/learner/learner-profile';
import { forEachStore } from '../store/test-stores';
import { resetLearnerData } from './learner-data';
import { ProfileStore, type LearnerKey } from './profile-store';
import { ReviewStore, type PointAnswer } from './review-store';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const ana: LearnerKey = {
  tenantId: 't1',
  learner: 'https://ehr.example.org/fhir/Practitioner/ana',
};
const ben: LearnerKey = {
  tenantId: 't1',
  learner: 'https://ehr.example.org/fhir/Practitioner/ben',
};
// The same practitioner URL at another tenant is another learner.
const anaElsewhere: LearnerKey = { ...ana, tenantId: 't2' };

const profile: LearnerProfile = {
  profession: 'physician',
  specialty: 'cardiology',
  roleSource: 'learner',
  gaps: ['hfref'],
  reporting: { npi: '1234567893', birthMonth: 7, birthDay: 9 },
  reportingConsent: { given: true, at: NOW.toISOString() },
};

const answer = (overrides: Partial<PointAnswer> = {}): PointAnswer => ({
  reviewId: crypto.randomUUID(),
  teachingPoint: 'hfref-gdmt-four-pillars:four-pillars',
  caseId: 'hfref-gdmt-four-pillars',
  caseVersion: '1.0.0',
  questionId: 'four-pillars',
  optionId: 'a',
  correct: false,
  source: 'review',
  answeredAt: NOW,
  ...overrides,
});

forEachStore('learner stores', (store) => {
  test('a profile is kept per tenant and learner, and the consent is a column of its own', async () => {
    const db = await store.open();
    const profiles = new ProfileStore(db);
    expect(await profiles.get(ana)).toEqual({ profile: EMPTY_PROFILE, updatedAt: null });
    await profiles.put(ana, profile, NOW);
    expect(await profiles.get(ana)).toEqual({ profile, updatedAt: NOW.toISOString() });
    expect((await profiles.get(ben)).updatedAt).toBeNull();
    expect((await profiles.get(anaElsewhere)).updatedAt).toBeNull();
    const withdrawn = { ...profile, reportingConsent: { given: false, at: NOW.toISOString() } };
    await profiles.put(ana, withdrawn, new Date(NOW.getTime() + 1000));
    const row = await db.selectFrom('learner_profiles').selectAll().executeTakeFirstOrThrow();
    expect([row.report_consent, row.created_at]).toEqual([0, NOW.toISOString()]);
  });

  test('an answer moves its point’s card once, however often its review id arrives', async () => {
    const reviews = new ReviewStore(await store.open());
    const first = answer();
    const results = await Promise.all([1, 2, 3].map(() => reviews.record(ana, first)));
    expect(results.filter((r) => r.recorded)).toHaveLength(1);
    expect(new Set(results.map((r) => r.nextDue)).size).toBe(1);
    const [card] = await reviews.cards(ana);
    expect(card?.card.reps).toBe(1);
    expect(await reviews.answers(ana)).toHaveLength(1);
  });

  test('a due point is listed from its due time on, and only for its own learner', async () => {
    const reviews = new ReviewStore(await store.open());
    const { nextDue } = await reviews.record(ana, answer({ correct: false }));
    await reviews.record(ana, answer({ teachingPoint: 'other:q', correct: true }));
    const due = new Date(nextDue);
    expect(await reviews.cards(ana, { dueBy: new Date(due.getTime() - 1) })).toEqual([]);
    const listed = await reviews.cards(ana, { dueBy: due });
    expect(listed.map((c) => [c.teachingPoint, c.lastCorrect])).toEqual([
      ['hfref-gdmt-four-pillars:four-pillars', false],
    ]);
    expect(await reviews.cards(ben, { dueBy: new Date('2100-01-01') })).toEqual([]);
    expect(await reviews.cards(anaElsewhere, { dueBy: new Date('2100-01-01') })).toEqual([]);
  });

  test('a right answer after a miss pushes the point further out and keeps both answers', async () => {
    const reviews = new ReviewStore(await store.open());
    const missed = await reviews.record(ana, answer({ correct: false }));
    const later = new Date(missed.nextDue);
    const kept = await reviews.record(
      ana,
      answer({ correct: true, confidence: 'very-sure', seconds: 40, answeredAt: later }),
    );
    expect(Date.parse(kept.nextDue)).toBeGreaterThan(later.getTime());
    expect((await reviews.answers(ana)).map((a) => [a.rating, a.confidence, a.seconds])).toEqual([
      ['again', null, null],
      ['easy', 'very-sure', 40],
    ]);
  });

  test('a reset erases the learner’s profile and review state, nobody else’s, and not the ledger', async () => {
    const db = await store.open();
    const profiles = new ProfileStore(db);
    const reviews = new ReviewStore(db);
    for (const key of [ana, ben, anaElsewhere]) {
      await profiles.put(key, profile, NOW);
      await reviews.record(key, answer());
    }
    expect(await resetLearnerData(db, ana)).toEqual({
      deleted: { profile: true, reviewCards: 1, reviewAnswers: 1 },
      kept: [expect.objectContaining({ record: 'credit-ledger' })],
    });
    expect((await profiles.get(ana)).updatedAt).toBeNull();
    expect(await reviews.cards(ana)).toEqual([]);
    for (const key of [ben, anaElsewhere]) {
      expect((await profiles.get(key)).profile).toEqual(profile);
      expect(await reviews.answers(key)).toHaveLength(1);
    }
    expect((await resetLearnerData(db, ana)).deleted).toEqual({
      profile: false,
      reviewCards: 0,
      reviewAnswers: 0,
    });
  });
});
