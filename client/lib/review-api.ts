import {
  dueReviewsResponseSchema,
  pointStatesResponseSchema,
  reviewRequestSchema,
  reviewResponseSchema,
  type DueReviewsResponse,
  type PointStatesResponse,
  type ReviewRequest,
  type ReviewResponse,
} from '../../core/wire/learner';
import { ChartsideError } from '../errors/chartside-error';
import { describeIssues, requestJson } from './api-request';

/** `GET /api/reviews/due`: the learner's teaching points due for a refresher. */
export function fetchDueReviews(
  sessionToken: string,
  signal?: AbortSignal,
): Promise<DueReviewsResponse> {
  return requestJson({
    method: 'GET',
    path: '/api/reviews/due',
    sessionToken,
    schema: dueReviewsResponseSchema,
    what: 'list of due reviews',
    ...(signal === undefined ? {} : { signal }),
  });
}

/**
 * `POST /api/reviews`: one refresher answer, graded by the server, which moves the point's next
 * review. The same reviewId always answers the same, so a retry is safe. Never earns credit.
 */
export function submitReview(
  sessionToken: string,
  request: ReviewRequest,
): Promise<ReviewResponse> {
  const checked = reviewRequestSchema.safeParse(request);
  if (!checked.success) {
    return Promise.reject(
      new ChartsideError(
        'REQUEST_REFUSED',
        `The review cannot be sent: ${describeIssues(checked.error)}`,
      ),
    );
  }
  return requestJson({
    method: 'POST',
    path: '/api/reviews',
    sessionToken,
    body: checked.data,
    schema: reviewResponseSchema,
    what: 'review result',
  });
}

/** `GET /api/reviews/points`: what the learner has shown on each teaching point they answered. */
export function fetchPointStates(
  sessionToken: string,
  signal?: AbortSignal,
): Promise<PointStatesResponse> {
  return requestJson({
    method: 'GET',
    path: '/api/reviews/points',
    sessionToken,
    schema: pointStatesResponseSchema,
    what: 'list of teaching points',
    ...(signal === undefined ? {} : { signal }),
  });
}
