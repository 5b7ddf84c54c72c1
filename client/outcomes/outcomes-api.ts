import {
  learnerOutcomesResponseSchema,
  type LearnerOutcomesResponse,
} from '../../core/wire/outcomes';
import { requestJson } from '../lib/api-request';

/** `GET /api/outcomes`: the learner's credits beside their measures, small counts suppressed. */
export function fetchOutcomes(
  sessionToken: string,
  signal?: AbortSignal,
): Promise<LearnerOutcomesResponse> {
  return requestJson({
    method: 'GET',
    path: '/api/outcomes',
    sessionToken,
    schema: learnerOutcomesResponseSchema,
    what: 'outcomes',
    ...(signal === undefined ? {} : { signal }),
  });
}
