import type { LearnerOutcomesResponse } from '../../core/wire/outcomes';
import type { CreditAccess } from '../credits/credit-access';
import { useSessionResource, type ResourceHandle } from '../lib/use-session-resource';
import { fetchOutcomes } from './outcomes-api';

/** The learner's outcomes, fetched when the screen opens (and again on retry). */
export function useOutcomes(access: CreditAccess): ResourceHandle<LearnerOutcomesResponse> {
  return useSessionResource(access, fetchOutcomes, 'The outcomes could not be loaded');
}
