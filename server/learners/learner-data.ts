import type { LearnerExport, ProfileResetResponse } from '../../core/wire/learner';
import {
  CONFIDENCE_LEVELS,
  type Confidence,
  type ReviewRating,
} from '../../core/learner/review-card';
import type { Learner } from '../auth/session-routes';
import type { LedgerStore } from '../credits/ledger-store';
import { creditOf } from '../credits/record-completion';
import type { Database } from '../store/database';
import type { LearnerKey, ProfileStore } from './profile-store';
import type { ReviewStore } from './review-store';

export interface LearnerDataDeps {
  db: Database;
  profiles: ProfileStore;
  reviews: ReviewStore;
  ledger: LedgerStore;
}

/** The credit ledger outlives a reset: it is the provider's accreditation record. */
export const KEPT_ON_RESET: LearnerExport['kept'] = [
  {
    record: 'credit-ledger',
    reason:
      'Your credits and completions are the accreditation record the CME provider must keep; ' +
      'a reset does not delete them.',
  },
];

export const learnerKey = (learner: Learner): LearnerKey => ({
  tenantId: learner.tenant.id,
  learner: learner.fhirUser,
});

const isConfidence = (value: string | null): value is Confidence =>
  (CONFIDENCE_LEVELS as readonly (string | null)[]).includes(value);

/** Everything Chartside holds about one learner (issue 9: the learner owns the data). */
export async function exportLearnerData(
  deps: LearnerDataDeps,
  learner: Learner,
  now: Date,
): Promise<LearnerExport> {
  const key = learnerKey(learner);
  const { profile, updatedAt } = await deps.profiles.get(key);
  const cards = await deps.reviews.cards(key);
  const answers = await deps.reviews.answers(key);
  const ledger = await deps.ledger.listCredits(key.tenantId, key.learner, {
    from: '0000-01-01',
    to: '9999-12-31',
  });
  const cdsCards = await deps.db
    .selectFrom('cds_cards')
    .select(['uuid', 'case_id', 'service_id', 'issued_at'])
    .where('tenant_id', '=', key.tenantId)
    .where('learner', '=', key.learner)
    .orderBy('issued_at')
    .execute();
  const feedback = await deps.db
    .selectFrom('cds_feedback')
    .select(['card_uuid', 'case_id', 'outcome', 'outcome_at'])
    .where('tenant_id', '=', key.tenantId)
    .where('learner', '=', key.learner)
    .orderBy('outcome_at')
    .execute();
  return {
    exportedAt: now.toISOString(),
    learner: {
      fhirUser: learner.fhirUser,
      tenant: { name: learner.tenant.name, iss: learner.tenant.iss },
    },
    profile,
    profileUpdatedAt: updatedAt,
    reviewCards: cards.map((c) => ({
      teachingPoint: c.teachingPoint,
      card: c.card,
      lastCorrect: c.lastCorrect,
    })),
    reviewAnswers: answers.map((a) => ({
      reviewId: a.review_id,
      teachingPoint: a.teaching_point,
      caseId: a.case_id,
      caseVersion: a.case_version,
      questionId: a.question_id,
      optionId: a.option_id,
      correct: a.correct === 1,
      ...(isConfidence(a.confidence) && { confidence: a.confidence }),
      ...(a.seconds !== null && { seconds: a.seconds }),
      rating: a.rating as ReviewRating,
      source: a.source === 'review' ? 'review' : 'completion',
      answeredAt: a.answered_at,
      nextDue: a.next_due,
    })),
    credits: ledger.map((row) => ({
      credit: creditOf(row),
      resources: JSON.parse(row.resources) as unknown[],
    })),
    cdsCards: cdsCards.map((c) => ({
      uuid: c.uuid,
      caseId: c.case_id,
      serviceId: c.service_id,
      issuedAt: c.issued_at,
    })),
    cdsFeedback: feedback.map((f) => ({
      cardUuid: f.card_uuid,
      caseId: f.case_id,
      outcome: f.outcome,
      at: f.outcome_at,
    })),
    kept: KEPT_ON_RESET,
  };
}

/** Erases the learner's profile and review state in one transaction; the ledger stays. */
export async function resetLearnerData(
  db: Database,
  key: LearnerKey,
): Promise<ProfileResetResponse> {
  return db.transaction().execute(async (trx) => {
    const count = async (table: 'learner_profiles' | 'review_cards' | 'review_answers') =>
      Number(
        (
          await trx
            .deleteFrom(table)
            .where('tenant_id', '=', key.tenantId)
            .where('learner', '=', key.learner)
            .executeTakeFirst()
        ).numDeletedRows,
      );
    const profile = await count('learner_profiles');
    const reviewCards = await count('review_cards');
    const reviewAnswers = await count('review_answers');
    return { deleted: { profile: profile > 0, reviewCards, reviewAnswers }, kept: KEPT_ON_RESET };
  });
}
