import type { CaseMatch, LearnerHistoryEntry } from '../matcher/match-cases';
import type { MicroCase } from '../micro-case/micro-case-schema';
import type { TopicId } from '../topics';
import type { LearnerProfile } from './learner-profile';
import {
  reasonWords,
  timeAgo,
  type RankingReason,
  type RankingReasonCode,
} from './ranking-reasons';
import { teachingPointOf, teachingPointsOf } from './teaching-points';

/** What the learner has shown on one teaching point: their last answer and its next review. */
export interface PointMastery {
  teachingPoint: string;
  lastCorrect: boolean;
  lastAnsweredAt: string;
  /** When FSRS wants the point reviewed. */
  due: string;
}

export interface AdaptInput {
  /** The matcher's ranking (its score already lowered by recent completions and dismissals). */
  matches: readonly CaseMatch[];
  cases: readonly MicroCase[];
  profile: LearnerProfile;
  points: readonly PointMastery[];
  /** The history the matcher was given, to say when a case was completed or dismissed. */
  history?: readonly LearnerHistoryEntry[];
  now: Date;
}

export interface AdaptedMatch extends CaseMatch {
  /** The matcher's score, before the learner's profile and mastery weighed in. */
  chartScore: number;
  /**
   * Why this suggestion moved — who the learner is, what they asked for, what they have shown,
   * what they did with the case — empty when nothing personal applied.
   */
  reasons: RankingReason[];
}

/**
 * How much each reason multiplies a case's score. The case's own `specialties` and
 * `professions` are the specialty-fit table: authored and reviewed with the content, in one
 * place. `points-mastered` applies in full when every point of the case is known, in part when
 * some are.
 */
export const REASON_FACTORS: Record<RankingReasonCode, number> = {
  'specialty-fit': 1.5,
  'profession-outside': 0.5,
  'stated-gap': 1.5,
  'points-due': 1.4,
  'points-mastered': 0.5,
  'difficulty-below-mastery': 0.8,
  'difficulty-above-mastery': 0.8,
  'difficulty-step-up': 1.2,
  // Already applied by matchCases (×0.3 for 30 days, ×0.1 for 90 days); here only explained.
  'completed-recently': 1,
  'dismissed-recently': 1,
};

/** Topic mastery needs this many answered points before it changes anything. */
const MIN_POINTS_FOR_LEVEL = 3;

type Level = 'unknown' | 'struggling' | 'developing' | 'mastered';

function topicLevels(cases: readonly MicroCase[], points: readonly PointMastery[]) {
  const topicOf = new Map<string, TopicId>();
  for (const c of cases)
    for (const q of c.questions) {
      const point = teachingPointOf(c.id, q);
      if (!topicOf.has(point)) topicOf.set(point, c.topic);
    }
  const tally = new Map<TopicId, { answered: number; correct: number }>();
  for (const p of points) {
    const topic = topicOf.get(p.teachingPoint);
    if (!topic) continue;
    const t = tally.get(topic) ?? { answered: 0, correct: 0 };
    tally.set(topic, { answered: t.answered + 1, correct: t.correct + (p.lastCorrect ? 1 : 0) });
  }
  return (topic: TopicId): Level => {
    const t = tally.get(topic);
    if (!t || t.answered < MIN_POINTS_FOR_LEVEL) return 'unknown';
    const share = t.correct / t.answered;
    return share >= 0.8 ? 'mastered' : share < 0.5 ? 'struggling' : 'developing';
  };
}

function difficultyReason(microCase: MicroCase, level: Level): RankingReason | undefined {
  const { difficulty, topic } = microCase;
  if (difficulty === 'foundational' && level === 'mastered')
    return { code: 'difficulty-below-mastery', ...reasonWords.difficultyBelowMastery(topic) };
  if (difficulty === 'advanced' && level === 'struggling')
    return { code: 'difficulty-above-mastery', ...reasonWords.difficultyAboveMastery(topic) };
  if (difficulty === 'advanced' && level === 'mastered')
    return { code: 'difficulty-step-up', ...reasonWords.difficultyStepUp(topic) };
  return undefined;
}

function reasonsFor(
  microCase: MicroCase,
  match: CaseMatch,
  input: AdaptInput,
  level: Level,
  byPoint: ReadonlyMap<string, PointMastery>,
): { reasons: RankingReason[]; factor: number } {
  const { profile, now } = input;
  const reasons: RankingReason[] = [];
  let factor = 1;
  const add = (reason: RankingReason, by: number): void => {
    reasons.push(reason);
    factor *= by;
  };
  const fixed = (reason: RankingReason): void => add(reason, REASON_FACTORS[reason.code]);
  if (profile.specialty && microCase.specialties.includes(profile.specialty))
    fixed({ code: 'specialty-fit', ...reasonWords.specialtyFit(profile.specialty) });
  if (
    profile.profession &&
    profile.profession !== 'other' &&
    !microCase.professions.includes(profile.profession)
  )
    fixed({ code: 'profession-outside', ...reasonWords.professionOutside() });
  if (profile.gaps.includes(microCase.topic))
    fixed({ code: 'stated-gap', ...reasonWords.statedGap(microCase.topic) });
  const points = teachingPointsOf(microCase);
  const seen = points.flatMap((p) => byPoint.get(p) ?? []);
  const due = seen.filter((p) => Date.parse(p.due) <= now.getTime());
  if (due.length > 0)
    fixed({ code: 'points-due', ...reasonWords.pointsDue(due.length, points.length) });
  const known = seen.filter((p) => p.lastCorrect && Date.parse(p.due) > now.getTime());
  if (known.length > 0) {
    const latest = known
      .map((p) => p.lastAnsweredAt)
      .sort()
      .at(-1);
    const words = reasonWords.pointsMastered(known.length, points.length, timeAgo(latest, now));
    const share = known.length / points.length;
    add({ code: 'points-mastered', ...words }, 1 - (1 - REASON_FACTORS['points-mastered']) * share);
  }
  const difficulty = difficultyReason(microCase, level);
  if (difficulty) fixed(difficulty);
  if (match.lowered) {
    const entry = (input.history ?? [])
      .filter((h) => h.caseId === microCase.id && h.outcome === match.lowered)
      .map((h) => h.at)
      .sort()
      .at(-1);
    const ago = timeAgo(entry, now);
    fixed(
      match.lowered === 'completed'
        ? { code: 'completed-recently', ...reasonWords.completedRecently(ago) }
        : { code: 'dismissed-recently', ...reasonWords.dismissedRecently(ago) },
    );
  }
  return { reasons, factor };
}

/**
 * Re-ranks the matcher's suggestions for one learner (issue 9): specialty and profession fit,
 * stated gaps, teaching points due for review or already mastered, case difficulty against the
 * mastery shown on its topic — each reason in plain words. Pure, like matchCases.
 */
export function adaptRanking(input: AdaptInput): AdaptedMatch[] {
  const byPoint = new Map(input.points.map((p) => [p.teachingPoint, p]));
  const levelOf = topicLevels(input.cases, input.points);
  const adapted: AdaptedMatch[] = [];
  for (const match of input.matches) {
    const microCase = input.cases.find((c) => c.id === match.caseId);
    if (!microCase) {
      adapted.push({ ...match, chartScore: match.score, reasons: [] });
      continue;
    }
    const level = levelOf(microCase.topic);
    const { reasons, factor } = reasonsFor(microCase, match, input, level, byPoint);
    adapted.push({
      ...match,
      chartScore: match.score,
      score: Number((match.score * factor).toFixed(3)),
      reasons,
    });
  }
  return adapted.sort((a, b) => b.score - a.score || a.caseId.localeCompare(b.caseId));
}
