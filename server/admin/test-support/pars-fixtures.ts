import type { LearnerProfile } from '../../../core/learner/learner-profile';
import type { Database } from '../../store/database';

let seq = 0;

/** One ledger row as recordCompletion writes it, with a patient's encounter in it. */
export async function awardedCredit(
  db: Database,
  row: {
    tenant?: string;
    learner: string;
    day: string;
    awarded?: boolean;
    caseId?: string;
    creditType?: string;
  },
): Promise<void> {
  seq += 1;
  const awarded = row.awarded ?? true;
  await db
    .insertInto('ledger')
    .values({
      id: `credit-${seq}`,
      tenant_id: row.tenant ?? 'ehr-a',
      learner: row.learner,
      attempt_id: `attempt-${seq}`,
      case_id: row.caseId ?? 'sepsis-hour-one',
      case_version: '1.0.0',
      encounter: 'Encounter/enc-secret-1',
      encounter_version: '1',
      awarded: awarded ? 1 : 0,
      amount: awarded ? 0.5 : 0,
      format: 'internet-poc',
      credit_type: row.creditType ?? 'AMA PRA Category 1 Credit',
      denials: '[]',
      score: 1,
      recorded_at: `${row.day}T12:00:00.000Z`,
      credit_day: row.day,
      resources: JSON.stringify([{ resourceType: 'Patient', id: 'pat-secret-1' }]),
      receipt: '',
      prev_hash: '',
      hash: `h${seq}`,
    })
    .execute();
}

/** A learner who filled in every PARS identifier; consent as given. */
export function reportingProfile(consent: boolean, name = { first: 'Ada', last: 'Lovelace' }) {
  return {
    gaps: [],
    reporting: {
      firstName: name.first,
      lastName: name.last,
      npi: '1234567893',
      boardId: 'ABIM-123',
      birthMonth: 3,
      birthDay: 14,
    },
    reportingConsent: { given: consent, at: '2026-11-01T09:00:00.000Z' },
  } satisfies LearnerProfile;
}

export async function saveProfile(
  db: Database,
  learner: string,
  profile: LearnerProfile,
  tenant = 'ehr-a',
): Promise<void> {
  await db
    .insertInto('learner_profiles')
    .values({
      tenant_id: tenant,
      learner,
      profile: JSON.stringify(profile),
      report_consent: profile.reportingConsent?.given === true ? 1 : 0,
      created_at: '2026-11-01T09:00:00.000Z',
      updated_at: '2026-11-01T09:00:00.000Z',
    })
    .execute();
}
