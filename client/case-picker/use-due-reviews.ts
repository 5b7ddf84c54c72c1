import { useEffect, useState } from 'react';
import type { DueReview } from '../../core/wire/learner';
import type { CreditAccess } from '../credits/credit-access';
import { fetchDueReviews } from '../lib/review-api';

/**
 * The learner's due refreshers, fetched once per launch; undefined while loading or when they
 * could not be fetched — a refresher is a bonus, never a reason to show an error at the chart.
 */
export function useDueReviews(access: CreditAccess): DueReview[] | undefined {
  const [reviews, setReviews] = useState<DueReview[] | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    access
      .session()
      .then((session) => fetchDueReviews(session.sessionToken, controller.signal))
      .then(
        (response) => {
          if (!controller.signal.aborted) setReviews(response.reviews);
        },
        () => undefined,
      );
    return () => {
      controller.abort();
    };
  }, [access]);
  return reviews;
}
