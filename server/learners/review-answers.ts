import type { AnswerChoice } from '../../core/credits/grade-attempt';
import { variantForMastery, variantToShow } from '../../core/learner/pick-variant';
import { questionFor, teachingPointOf } from '../../core/learner/teaching-points';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { questionBody } from '../../core/micro-case/question-variants';
import type { DueReview, ReviewRequest, ReviewResponse } from '../../core/wire/learner';
import type { Logger } from 'pino';
import type { Learner } from '../auth/session-routes';
import { AppError } from '../http/app-error';
import { requireCaseVersion, type CaseLibrary } from '../library/case-library';
import { learnerKey } from './learner-data';
import type { ReviewStore } from './review-store';

/** At most this many refreshers are offered at once. */
const DUE_LIMIT = 20;

/**
 * A refresher answer (issue 9): graded here from the case definition, its teaching point's FSRS
 * card moved, idempotent by review id. It never touches the credit ledger: review earns no new
 * credit unless a new point-of-care cycle is documented (DOMAIN.md, continuing-education credit).
 */
export async function answerReview(
  deps: { reviews: ReviewStore; library: CaseLibrary },
  learner: Learner,
  request: ReviewRequest,
  now: Date,
): Promise<ReviewResponse> {
  const microCase = requireCaseVersion(deps.library, request.caseId, request.caseVersion);
  const question = microCase.questions.find((q) => q.id === request.questionId);
  if (!question)
    throw new AppError('ANSWERS_INVALID', 422, `The case has no question ${request.questionId}`, [
      'questionId',
    ]);
  const variant = request.variant ?? 'standard';
  const body = questionBody(question, variant);
  if (!body)
    throw new AppError('ANSWERS_INVALID', 422, `The question has no ${variant} variant`, [
      'variant',
    ]);
  // Graded against the variant shown: another variant's option id is not an answer to this one.
  const option = body.options.find((o) => o.id === request.optionId);
  if (!option)
    throw new AppError('ANSWERS_INVALID', 422, `The question has no option ${request.optionId}`, [
      'optionId',
    ]);
  const recorded = await deps.reviews.record(learnerKey(learner), {
    reviewId: request.reviewId,
    teachingPoint: teachingPointOf(microCase.id, question),
    caseId: microCase.id,
    caseVersion: microCase.version,
    questionId: question.id,
    optionId: option.id,
    correct: option.correct,
    confidence: request.confidence,
    seconds: request.seconds,
    source: 'review',
    answeredAt: now,
  });
  return {
    reviewId: request.reviewId,
    teachingPoint: recorded.teachingPoint,
    correct: recorded.correct,
    correctOptionId: body.options.find((o) => o.correct)?.id ?? '',
    rating: recorded.rating,
    nextDue: recorded.nextDue,
    creditEarned: false,
  };
}

/** The learner's teaching points due by `now`, each with the question that tests it. */
export async function dueReviewsFor(
  deps: { reviews: ReviewStore; library: CaseLibrary },
  learner: Learner,
  now: Date,
): Promise<DueReview[]> {
  const cards = await deps.reviews.cards(learnerKey(learner), { dueBy: now, limit: DUE_LIMIT });
  return cards.flatMap((point) => {
    // A point whose case left the library has nothing to ask.
    const found = questionFor(deps.library.cases, point.teachingPoint);
    if (!found) return [];
    return [
      {
        teachingPoint: point.teachingPoint,
        caseId: found.microCase.id,
        caseVersion: found.microCase.version,
        questionId: found.question.id,
        variant: variantToShow(found.question, variantForMastery(point, now)),
        topic: found.microCase.topic,
        due: point.card.due,
        lastAnswer: { correct: point.lastCorrect, at: point.lastAnsweredAt },
      },
    ];
  });
}

/** What `recordCompletion` tells its listener about a newly recorded attempt. */
export interface RecordedAttempt {
  learner: Learner;
  microCase: MicroCase;
  attemptId: string;
  answers: readonly AnswerChoice[];
  recordedAt: Date;
}

/**
 * Rates each teaching point of a completed case by the learner's first answer to its question.
 * A failure is logged and swallowed: the credit is already committed, and spaced review must
 * never cost the learner a credit.
 */
export function reviewCompletedCase(
  reviews: ReviewStore,
  logger: Logger,
): (attempt: RecordedAttempt) => Promise<void> {
  return async ({ learner, microCase, attemptId, answers, recordedAt }) => {
    const first = new Map<string, AnswerChoice>();
    for (const a of answers) if (!first.has(a.questionId)) first.set(a.questionId, a);
    try {
      // One transaction for all of them (group commit): the answer waits for a single sync.
      await Promise.all(
        microCase.questions.flatMap((question) => {
          const answer = first.get(question.id);
          const body = answer && questionBody(question, answer.variant ?? 'standard');
          const option = body?.options.find((o) => o.id === answer?.optionId);
          if (!option) return [];
          return reviews.record(learnerKey(learner), {
            reviewId: `completion:${attemptId}:${question.id}`,
            teachingPoint: teachingPointOf(microCase.id, question),
            caseId: microCase.id,
            caseVersion: microCase.version,
            questionId: question.id,
            optionId: option.id,
            correct: option.correct,
            source: 'completion',
            answeredAt: recordedAt,
          });
        }),
      );
    } catch (error) {
      logger.warn(
        { err: error, caseId: microCase.id },
        'spaced review not updated for a completion',
      );
    }
  };
}
