import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  Rating,
  State,
  type Card,
  type Grade,
} from 'ts-fsrs';
import type { CardState, Confidence, ReviewCard, ReviewRating } from './review-card';

const TO_FSRS_STATE: Record<CardState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const FROM_FSRS_STATE: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

/**
 * FSRS with days, not minutes: a clinician meets a refresher between patients, not in a
 * flashcard session, so the short-term (re)learning steps are off and the first interval after
 * a miss is one day. No fuzz, so a schedule can be explained and tested; a year at most.
 */
const scheduler = fsrs(
  generatorParameters({ enable_fuzz: false, enable_short_term: false, maximum_interval: 365 }),
);

const GRADE: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/**
 * How an answer rates its teaching point's card: wrong → Again (however sure — a confident
 * error is the one most worth revisiting); right but unsure → Hard; right → Good (also when no
 * confidence was asked, as in a full case); right and very sure → Easy.
 */
export function ratingFor(correct: boolean, confidence?: Confidence): ReviewRating {
  if (!correct) return 'again';
  if (confidence === 'unsure') return 'hard';
  return confidence === 'very-sure' ? 'easy' : 'good';
}

function toFsrs(card: ReviewCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    // ts-fsrs 5 still requires this deprecated field; it computes elapsed time from last_review.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: TO_FSRS_STATE[card.state],
    ...(card.lastReview !== undefined && { last_review: new Date(card.lastReview) }),
  };
}

function fromFsrs(card: Card): ReviewCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: FROM_FSRS_STATE[card.state],
    ...(card.last_review && { lastReview: card.last_review.toISOString() }),
  };
}

export interface ScheduledReview {
  card: ReviewCard;
  rating: ReviewRating;
}

/**
 * Schedules a teaching point after an answer (FSRS, via ts-fsrs): `card` is the point's card so
 * far, undefined the first time the learner meets the point. An answer timed before the card's
 * last review (a late-arriving completion) counts as given at that review.
 */
export function scheduleReview(
  card: ReviewCard | undefined,
  answer: { correct: boolean; confidence?: Confidence | undefined },
  now: Date,
): ScheduledReview {
  const rating = ratingFor(answer.correct, answer.confidence);
  const last = card?.lastReview === undefined ? -Infinity : Date.parse(card.lastReview);
  const at = new Date(Math.max(now.getTime(), last));
  const current = card ? toFsrs(card) : createEmptyCard(at);
  return { card: fromFsrs(scheduler.next(current, at, GRADE[rating]).card), rating };
}

/** The points due for review at `now` (due time reached), the longest overdue first. */
export function dueReviews<T extends { card: Pick<ReviewCard, 'due'> }>(
  points: readonly T[],
  now: Date,
): T[] {
  return points
    .filter((p) => Date.parse(p.card.due) <= now.getTime())
    .sort((a, b) => Date.parse(a.card.due) - Date.parse(b.card.due));
}

/** The chance, 0–1, that the learner still recalls the point at `now` (FSRS forgetting curve). */
export function retrievability(card: ReviewCard, now: Date): number {
  if (card.state === 'new' || card.lastReview === undefined) return 0;
  return scheduler.get_retrievability(toFsrs(card), now, false);
}
