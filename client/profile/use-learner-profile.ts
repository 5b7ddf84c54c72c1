import type { ProfileResponse } from '../../core/wire/learner';
import type { CreditAccess } from '../credits/credit-access';
import { fetchProfile } from '../lib/profile-api';
import { useSessionResource, type ResourceHandle } from '../lib/use-session-resource';

/** The learner's profile, fetched once per launch (and again on retry). */
export function useLearnerProfile(access: CreditAccess): ResourceHandle<ProfileResponse> {
  return useSessionResource(access, fetchProfile, 'The profile could not be loaded');
}
