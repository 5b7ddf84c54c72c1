import type { Question } from '../micro-case/micro-case-schema';
import { questionBody, type QuestionVariant } from '../micro-case/question-variants';
import type { ReviewCard } from './review-card';
import { retrievability } from './review-schedule';

/**
 * Below this recall probability a point counts as fading: the easier version rebuilds it. FSRS
 * schedules a review when recall falls to 0.9 (ts-fsrs's default request retention), so 0.7 is
 * well past due — the learner has likely lost it. A product choice, not a clinical number.
 */
export const EASIER_BELOW_RETRIEVABILITY = 0.7;

/**
 * A point counts as well retained from this FSRS stability (days for recall to fall to 0.9):
 * one week is more than a single first "good" answer earns (about 2.3 days with the default
 * weights) and what a confident answer, or a second correct one, reaches. A product choice.
 */
export const HARDER_FROM_STABILITY_DAYS = 7;

/** …and after at least this many answers: one lucky answer is not mastery. */
export const HARDER_FROM_REPS = 2;

/** What the learner has shown on one teaching point (server/learners review-store's PointCard). */
export interface PointMemory {
  card: ReviewCard;
  /** Whether the last answer was right (rated Hard, Good or Easy) rather than Again. */
  lastCorrect: boolean;
}

/**
 * The difficulty the learner should meet a teaching point at (issue 9, "the player picks by
 * mastery"): no history → standard; last answer wrong or recall fading → easier; well retained
 * (stable for a week, answered more than once, last answer right) → harder; else standard.
 */
export function variantForMastery(point: PointMemory | undefined, now: Date): QuestionVariant {
  if (!point || point.card.reps === 0) return 'standard';
  if (!point.lastCorrect || retrievability(point.card, now) < EASIER_BELOW_RETRIEVABILITY)
    return 'easier';
  if (point.card.stability >= HARDER_FROM_STABILITY_DAYS && point.card.reps >= HARDER_FROM_REPS)
    return 'harder';
  return 'standard';
}

/** The variant to show for `question`: the wanted one when the question has it, else standard. */
export function variantToShow(question: Question, wanted: QuestionVariant): QuestionVariant {
  return questionBody(question, wanted) === undefined ? 'standard' : wanted;
}
