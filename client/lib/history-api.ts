import { learnerHistoryResponseSchema, type LearnerHistoryResponse } from '../../core/wire/learner';
import { requestJson } from './api-request';

/** `GET /api/history`: the learner's recent credited completions and dismissed CDS cards. */
export function fetchLearnerHistory(
  sessionToken: string,
  signal?: AbortSignal,
): Promise<LearnerHistoryResponse> {
  return requestJson({
    method: 'GET',
    path: '/api/history',
    sessionToken,
    schema: learnerHistoryResponseSchema,
    what: 'learning history',
    ...(signal === undefined ? {} : { signal }),
  });
}
