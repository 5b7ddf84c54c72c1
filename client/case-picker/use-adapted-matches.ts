import { useEffect, useMemo, useState } from 'react';
import { adaptRanking, type AdaptedMatch } from '../../core/learner/adapt-ranking';
import { EMPTY_PROFILE, type LearnerProfile } from '../../core/learner/learner-profile';
import type { CaseMatch, LearnerHistoryEntry } from '../../core/matcher/match-cases';
import type { LibraryResponse } from '../../core/wire/library';
import type { PointState } from '../../core/wire/learner';
import type { CreditAccess } from '../credits/credit-access';
import { fetchPointStates } from '../lib/review-api';

/**
 * The learner's teaching points as they have answered them, fetched once per launch; empty when
 * they could not be fetched — the chart's ranking then stands on its own.
 */
export function usePointStates(access: CreditAccess): readonly PointState[] {
  const [points, setPoints] = useState<readonly PointState[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    access
      .session()
      .then((session) => fetchPointStates(session.sessionToken, controller.signal))
      .then(
        (response) => {
          if (!controller.signal.aborted) setPoints(response.points);
        },
        () => undefined,
      );
    return () => {
      controller.abort();
    };
  }, [access]);
  return points;
}

interface Learner {
  library: LibraryResponse | undefined;
  /** Undefined until loaded (or when it could not be): the empty profile applies meanwhile. */
  profile: LearnerProfile | undefined;
  /** The learner's teaching points (`usePointStates`), empty until loaded. */
  points: readonly PointState[];
  history: readonly LearnerHistoryEntry[] | undefined;
}

/**
 * The matcher's ranking re-ranked for this learner (core adaptRanking), each suggestion with
 * the plain-language reasons it moved. Undefined while the chart's matches are.
 */
export function useAdaptedMatches(
  matches: CaseMatch[] | undefined,
  { library, profile, points, history }: Learner,
): AdaptedMatch[] | undefined {
  return useMemo(() => {
    if (matches === undefined || library === undefined) return undefined;
    return adaptRanking({
      matches,
      cases: library.cases,
      profile: profile ?? EMPTY_PROFILE,
      points,
      ...(history === undefined ? {} : { history }),
      now: new Date(),
    });
  }, [matches, library, profile, points, history]);
}
