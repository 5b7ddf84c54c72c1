import { z } from 'zod';

/** How sure the learner said they were of an answer, asked before the answer is revealed. */
export const CONFIDENCE_LEVELS = ['unsure', 'sure', 'very-sure'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const REVIEW_RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** One teaching point's FSRS memory state, as stored (dates as ISO strings). */
export const reviewCardSchema = z
  .object({
    due: z.iso.datetime(),
    stability: z.number().min(0),
    difficulty: z.number().min(0),
    scheduledDays: z.number().int().min(0),
    learningSteps: z.number().int().min(0),
    reps: z.number().int().min(0),
    lapses: z.number().int().min(0),
    state: z.enum(CARD_STATES),
    lastReview: z.iso.datetime().optional(),
  })
  .strict();
export type ReviewCard = z.infer<typeof reviewCardSchema>;
