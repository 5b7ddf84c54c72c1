import { isPostgres } from '../store/dialect';
import {
  reviewCardSchema,
  type Confidence,
  type ReviewCard,
  type ReviewRating,
} from '../../core/learner/review-card';
import { scheduleReview } from '../../core/learner/review-schedule';
import type { Database } from '../store/database';
import { GroupCommit } from '../store/group-commit';
import type { ReviewAnswersTable } from '../store/schema';
import type { LearnerKey } from './profile-store';

/** One answer that rates a teaching point. */
export interface PointAnswer {
  reviewId: string;
  teachingPoint: string;
  caseId: string;
  caseVersion: string;
  questionId: string;
  optionId: string;
  correct: boolean;
  confidence?: Confidence | undefined;
  seconds?: number | undefined;
  source: 'completion' | 'review';
  answeredAt: Date;
}

export interface RecordedAnswer {
  teachingPoint: string;
  correct: boolean;
  rating: ReviewRating;
  nextDue: string;
  /** False when this review id had been recorded before (nothing changed). */
  recorded: boolean;
}

export interface PointCard {
  teachingPoint: string;
  card: ReviewCard;
  lastCorrect: boolean;
  lastAnsweredAt: string;
}

/**
 * FSRS cards per learner and teaching point, and every answer that rated them. Recording is
 * idempotent by review id: the answer row is the claim, written in the same transaction as the
 * card it moves.
 */
export class ReviewStore {
  private readonly commit: GroupCommit;

  constructor(private readonly db: Database) {
    this.commit = new GroupCommit(db);
  }

  async record(key: LearnerKey, answer: PointAnswer): Promise<RecordedAnswer> {
    try {
      return await this.recordOnce(key, answer);
    } catch (error) {
      // The same review id recorded at the same moment elsewhere: answer as a repeat would.
      const previous = await this.previous(this.db, key, answer.reviewId).catch(() => undefined);
      if (previous) return previous;
      throw error;
    }
  }

  private async previous(
    db: Pick<Database, 'selectFrom'>,
    key: LearnerKey,
    reviewId: string,
  ): Promise<RecordedAnswer | undefined> {
    const row = await db
      .selectFrom('review_answers')
      .select(['teaching_point', 'correct', 'rating', 'next_due'])
      .where('tenant_id', '=', key.tenantId)
      .where('learner', '=', key.learner)
      .where('review_id', '=', reviewId)
      .executeTakeFirst();
    return (
      row && {
        teachingPoint: row.teaching_point,
        correct: row.correct === 1,
        rating: row.rating as ReviewRating,
        nextDue: row.next_due,
        recorded: false,
      }
    );
  }

  private recordOnce(key: LearnerKey, answer: PointAnswer): Promise<RecordedAnswer> {
    return this.commit.run(async (trx) => {
      const previous = await this.previous(trx, key, answer.reviewId);
      if (previous) return previous;
      let cardQuery = trx
        .selectFrom('review_cards')
        .select('card')
        .where('tenant_id', '=', key.tenantId)
        .where('learner', '=', key.learner)
        .where('teaching_point', '=', answer.teachingPoint);
      // PostgreSQL: two answers to the same point at once take turns (SQLite's transactions
      // are already serialized: they begin IMMEDIATE).
      if (isPostgres(trx)) cardQuery = cardQuery.forUpdate();
      const row = await cardQuery.executeTakeFirst();
      const current = row ? reviewCardSchema.parse(JSON.parse(row.card)) : undefined;
      const { card, rating } = scheduleReview(current, answer, answer.answeredAt);
      const answerRow: ReviewAnswersTable = {
        tenant_id: key.tenantId,
        learner: key.learner,
        review_id: answer.reviewId,
        teaching_point: answer.teachingPoint,
        case_id: answer.caseId,
        case_version: answer.caseVersion,
        question_id: answer.questionId,
        option_id: answer.optionId,
        correct: answer.correct ? 1 : 0,
        confidence: answer.confidence ?? null,
        seconds: answer.seconds ?? null,
        rating,
        source: answer.source,
        answered_at: answer.answeredAt.toISOString(),
        next_due: card.due,
      };
      await trx.insertInto('review_answers').values(answerRow).execute();
      const cardValues = {
        card: JSON.stringify(card),
        due: card.due,
        last_correct: answer.correct ? 1 : 0,
        last_answered_at: answer.answeredAt.toISOString(),
      };
      await trx
        .insertInto('review_cards')
        .values({
          tenant_id: key.tenantId,
          learner: key.learner,
          teaching_point: answer.teachingPoint,
          ...cardValues,
        })
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'learner', 'teaching_point']).doUpdateSet(cardValues),
        )
        .execute();
      return {
        teachingPoint: answer.teachingPoint,
        correct: answer.correct,
        rating,
        nextDue: card.due,
        recorded: true,
      };
    });
  }

  /** The learner's cards; with `dueBy`, only those due by then, the longest overdue first. */
  async cards(
    key: LearnerKey,
    options: { dueBy?: Date; limit?: number } = {},
  ): Promise<PointCard[]> {
    let query = this.db
      .selectFrom('review_cards')
      .selectAll()
      .where('tenant_id', '=', key.tenantId)
      .where('learner', '=', key.learner)
      .orderBy('due')
      .orderBy('teaching_point');
    if (options.dueBy) query = query.where('due', '<=', options.dueBy.toISOString());
    if (options.limit !== undefined) query = query.limit(options.limit);
    const rows = await query.execute();
    return rows.map((row) => ({
      teachingPoint: row.teaching_point,
      card: reviewCardSchema.parse(JSON.parse(row.card)),
      lastCorrect: row.last_correct === 1,
      lastAnsweredAt: row.last_answered_at,
    }));
  }

  /** Every answer the learner gave, oldest first. */
  answers(key: LearnerKey): Promise<ReviewAnswersTable[]> {
    return this.db
      .selectFrom('review_answers')
      .selectAll()
      .where('tenant_id', '=', key.tenantId)
      .where('learner', '=', key.learner)
      .orderBy('answered_at')
      .orderBy('review_id')
      .execute();
  }
}
