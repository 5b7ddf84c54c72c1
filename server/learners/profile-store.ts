import {
  EMPTY_PROFILE,
  learnerProfileSchema,
  type LearnerProfile,
} from '../../core/learner/learner-profile';
import type { Database } from '../store/database';

/** A learner as the store keys them: the tenant and the absolute fhirUser. */
export interface LearnerKey {
  tenantId: string;
  learner: string;
}

export interface StoredProfile {
  profile: LearnerProfile;
  updatedAt: string | null;
}

/** Learner profiles (issue 9): one row per tenant and learner, the profile as JSON. */
export class ProfileStore {
  constructor(private readonly db: Database) {}

  /** The learner's profile, or the empty one when they have not saved any. */
  async get(key: LearnerKey): Promise<StoredProfile> {
    const row = await this.db
      .selectFrom('learner_profiles')
      .select(['profile', 'updated_at'])
      .where('tenant_id', '=', key.tenantId)
      .where('learner', '=', key.learner)
      .executeTakeFirst();
    if (!row) return { profile: EMPTY_PROFILE, updatedAt: null };
    return {
      profile: learnerProfileSchema.parse(JSON.parse(row.profile)),
      updatedAt: row.updated_at,
    };
  }

  /** Replaces the learner's profile. */
  async put(key: LearnerKey, profile: LearnerProfile, now: Date): Promise<StoredProfile> {
    const at = now.toISOString();
    const values = {
      profile: JSON.stringify(profile),
      report_consent: profile.reportingConsent?.given === true ? 1 : 0,
      updated_at: at,
    };
    await this.db
      .insertInto('learner_profiles')
      .values({ tenant_id: key.tenantId, learner: key.learner, created_at: at, ...values })
      .onConflict((oc) => oc.columns(['tenant_id', 'learner']).doUpdateSet(values))
      .execute();
    return { profile, updatedAt: at };
  }
}
