import { z } from 'zod';
import { learnerProfileFieldsSchema, learnerProfileSchema } from '../learner/learner-profile';
import { CONFIDENCE_LEVELS, REVIEW_RATINGS, reviewCardSchema } from '../learner/review-card';
import { questionVariantSchema } from '../micro-case/question-variants';
import { TOPIC_IDS } from '../topics';
import { creditSchema } from './completion';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

/** `PUT /api/profile`: the whole profile; the consent time is stamped by the server. */
export const profileUpdateSchema = learnerProfileFieldsSchema
  .extend({
    /** Permission to report completions to boards (ACCME Standard 2: explicit, revocable). */
    consentToReport: z.boolean(),
  })
  .strict();
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

/** `GET`/`PUT /api/profile`: the stored profile; `updatedAt` null until the learner saves one. */
export const profileResponseSchema = z.object({
  profile: learnerProfileSchema,
  updatedAt: z.iso.datetime().nullable(),
});
export type ProfileResponse = z.infer<typeof profileResponseSchema>;

/** A teaching point due for a refresher, with the question that tests it. */
export const dueReviewSchema = z.object({
  teachingPoint: z.string(),
  caseId: z.string(),
  caseVersion: z.string(),
  questionId: z.string(),
  /**
   * The version of the question to ask, picked by the learner's mastery of the point; absent
   * (a server from before variants) means standard.
   */
  variant: questionVariantSchema.optional(),
  topic: z.enum(TOPIC_IDS),
  due: z.iso.datetime(),
  lastAnswer: z.object({ correct: z.boolean(), at: z.iso.datetime() }),
});
export type DueReview = z.infer<typeof dueReviewSchema>;

/** `GET /api/reviews/due`: the learner's due points, the longest overdue first. */
export const dueReviewsResponseSchema = z.object({ reviews: z.array(dueReviewSchema) });
export type DueReviewsResponse = z.infer<typeof dueReviewsResponseSchema>;

/**
 * One teaching point as the learner has shown it (for the "why am I seeing this" ranking): the
 * last answer and the next review, without the scheduler's internals.
 */
export const pointStateSchema = z.object({
  teachingPoint: z.string(),
  lastCorrect: z.boolean(),
  lastAnsweredAt: z.iso.datetime(),
  due: z.iso.datetime(),
  /**
   * The difficulty to ask the point at next (core/learner/pick-variant.ts); the player falls back
   * to the standard question when the question has no such variant, or when none is sent.
   */
  variant: questionVariantSchema.optional(),
});
export type PointState = z.infer<typeof pointStateSchema>;

/** `GET /api/reviews/points`: every teaching point the learner has answered. */
export const pointStatesResponseSchema = z.object({ points: z.array(pointStateSchema) });
export type PointStatesResponse = z.infer<typeof pointStatesResponseSchema>;

/**
 * `GET /api/history`: what the server knows the learner did recently — cases completed for
 * credit (30 days) and CDS cards dismissed (90 days) — merged into the device's own history so
 * "not relevant" on a card lowers that case in the app too.
 */
export const learnerHistoryResponseSchema = z.object({
  history: z.array(
    z.object({
      caseId: slug,
      outcome: z.enum(['completed', 'dismissed']),
      at: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type LearnerHistoryResponse = z.infer<typeof learnerHistoryResponseSchema>;

/** `POST /api/reviews`: one refresher answer; the server grades it from the case definition. */
export const reviewRequestSchema = z
  .object({
    /** Made by the client per refresher; sending it again changes nothing. */
    reviewId: z.uuid(),
    caseId: slug,
    caseVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    questionId: z.string().min(1).max(100),
    optionId: z.string().min(1).max(100),
    /** The version of the question shown; absent means `standard`. */
    variant: questionVariantSchema.optional(),
    /** How sure the learner was, asked before the answer is revealed. */
    confidence: z.enum(CONFIDENCE_LEVELS).optional(),
    /** Seconds from showing the question to the answer. */
    seconds: z.number().int().min(0).max(3600).optional(),
  })
  .strict();
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

/** The graded refresher and the point's next review; a review never earns credit. */
export const reviewResponseSchema = z.object({
  reviewId: z.uuid(),
  teachingPoint: z.string(),
  correct: z.boolean(),
  correctOptionId: z.string(),
  rating: z.enum(REVIEW_RATINGS),
  nextDue: z.iso.datetime(),
  /** Always false: review earns no new credit without a new point-of-care cycle (DOMAIN.md). */
  creditEarned: z.literal(false),
});
export type ReviewResponse = z.infer<typeof reviewResponseSchema>;

/** One answer that rated a teaching point, as the learner's export shows it. */
export const reviewAnswerSchema = z.object({
  reviewId: z.string(),
  teachingPoint: z.string(),
  caseId: z.string(),
  caseVersion: z.string(),
  questionId: z.string(),
  optionId: z.string(),
  correct: z.boolean(),
  confidence: z.enum(CONFIDENCE_LEVELS).optional(),
  seconds: z.number().optional(),
  rating: z.enum(REVIEW_RATINGS),
  source: z.enum(['completion', 'review']),
  answeredAt: z.iso.datetime(),
  nextDue: z.iso.datetime(),
});
export type ReviewAnswer = z.infer<typeof reviewAnswerSchema>;

/** What reset leaves in place, and why. */
export const keptRecordSchema = z.object({
  record: z.literal('credit-ledger'),
  reason: z.string(),
});

/** `GET /api/profile/export`: everything Chartside holds about the learner, as a JSON file. */
export const learnerExportSchema = z.object({
  exportedAt: z.iso.datetime(),
  learner: z.object({ fhirUser: z.string(), tenant: z.object({ name: z.string(), iss: z.url() }) }),
  profile: learnerProfileSchema,
  profileUpdatedAt: z.iso.datetime().nullable(),
  reviewCards: z.array(
    z.object({ teachingPoint: z.string(), card: reviewCardSchema, lastCorrect: z.boolean() }),
  ),
  reviewAnswers: z.array(reviewAnswerSchema),
  /** The credit ledger rows with their FHIR resources (completion, award, Provenance). */
  credits: z.array(z.object({ credit: creditSchema, resources: z.array(z.unknown()) })),
  /** CDS Hooks cards issued to the learner and their feedback on them. */
  cdsCards: z.array(
    z.object({ uuid: z.string(), caseId: z.string(), serviceId: z.string(), issuedAt: z.string() }),
  ),
  cdsFeedback: z.array(
    z.object({ cardUuid: z.string(), caseId: z.string(), outcome: z.string(), at: z.string() }),
  ),
  kept: z.array(keptRecordSchema),
});
export type LearnerExport = z.infer<typeof learnerExportSchema>;

/** `DELETE /api/profile`: what was erased and what was kept. */
export const profileResetResponseSchema = z.object({
  deleted: z.object({
    profile: z.boolean(),
    reviewCards: z.number().int().min(0),
    reviewAnswers: z.number().int().min(0),
  }),
  kept: z.array(keptRecordSchema),
});
export type ProfileResetResponse = z.infer<typeof profileResetResponseSchema>;
