import {
  type LearnerProfession,
  type LearnerProfile,
  type LearnerSpecialty,
} from '../../core/learner/learner-profile';
import type { TopicId } from '../../core/topics';
import { profileUpdateSchema, type ProfileUpdate } from '../../core/wire/learner';
import type { PractitionerPrefill } from '../fhir/read-practitioner';

/** The profile form as typed: every text field a string, empty when not given. */
export interface ProfileDraft {
  profession: LearnerProfession | '';
  specialty: LearnerSpecialty | '';
  /** The profession and specialty the EHR suggested, to know whether the learner kept them. */
  fromEhr: { profession?: LearnerProfession; specialty?: LearnerSpecialty };
  gaps: TopicId[];
  firstName: string;
  lastName: string;
  npi: string;
  boardId: string;
  birthMonth: string;
  birthDay: string;
  consent: boolean;
}

/** Fields the form can flag; a message key under `profile.errors`. */
export type DraftField = 'firstName' | 'lastName' | 'npi' | 'boardId' | 'birthDay';
export type DraftErrors = Partial<Record<DraftField, 'name' | 'npi' | 'boardId' | 'birthDay'>>;

/**
 * The form's starting point: what the learner saved, and where they saved nothing, what the
 * EHR says about them (their Practitioner and, if granted, PractitionerRole).
 */
export function draftOf(profile: LearnerProfile, prefill: PractitionerPrefill = {}): ProfileDraft {
  const r = profile.reporting;
  const useEhrRole = profile.profession === undefined && profile.specialty === undefined;
  const fromEhr = useEhrRole
    ? {
        ...(prefill.profession && { profession: prefill.profession }),
        ...(prefill.specialty && { specialty: prefill.specialty }),
      }
    : {};
  return {
    profession: profile.profession ?? fromEhr.profession ?? '',
    specialty: profile.specialty ?? fromEhr.specialty ?? '',
    fromEhr,
    gaps: [...profile.gaps],
    firstName: r.firstName ?? prefill.firstName ?? '',
    lastName: r.lastName ?? prefill.lastName ?? '',
    npi: r.npi ?? prefill.npi ?? '',
    boardId: r.boardId ?? '',
    birthMonth: r.birthMonth === undefined ? '' : String(r.birthMonth),
    birthDay: r.birthDay === undefined ? '' : String(r.birthDay),
    consent: profile.reportingConsent?.given === true,
  };
}

const text = (value: string): string | undefined =>
  value.trim() === '' ? undefined : value.trim();
const number = (value: string): number | undefined =>
  value.trim() === '' ? undefined : Number(value);

/** Whether a board could match the learner: a name, birth month and day, board id or NPI. */
export function isReportable(draft: ProfileDraft): boolean {
  return (
    text(draft.firstName) !== undefined &&
    text(draft.lastName) !== undefined &&
    text(draft.birthMonth) !== undefined &&
    text(draft.birthDay) !== undefined &&
    (text(draft.npi) !== undefined || text(draft.boardId) !== undefined)
  );
}

const ERROR_OF: Record<string, DraftErrors> = {
  firstName: { firstName: 'name' },
  lastName: { lastName: 'name' },
  npi: { npi: 'npi' },
  boardId: { boardId: 'boardId' },
  birthMonth: { birthDay: 'birthDay' },
  birthDay: { birthDay: 'birthDay' },
};

/** The draft as `PUT /api/profile` takes it, or the fields to correct. */
export function updateOf(
  draft: ProfileDraft,
): { ok: true; update: ProfileUpdate } | { ok: false; errors: DraftErrors } {
  const { profession, specialty, fromEhr } = draft;
  const hasRole = profession !== '' || specialty !== '';
  const keptEhrRole =
    (fromEhr.profession !== undefined || fromEhr.specialty !== undefined) &&
    (profession || undefined) === fromEhr.profession &&
    (specialty || undefined) === fromEhr.specialty;
  const reporting = Object.fromEntries(
    Object.entries({
      firstName: text(draft.firstName),
      lastName: text(draft.lastName),
      npi: text(draft.npi)?.replace(/\s+/g, ''),
      boardId: text(draft.boardId),
      birthMonth: number(draft.birthMonth),
      birthDay: number(draft.birthDay),
    }).filter(([, value]) => value !== undefined),
  );
  const parsed = profileUpdateSchema.safeParse({
    ...(profession === '' ? {} : { profession }),
    ...(specialty === '' ? {} : { specialty }),
    ...(hasRole ? { roleSource: keptEhrRole ? 'practitioner-role' : 'learner' } : {}),
    gaps: draft.gaps,
    reporting,
    consentToReport: draft.consent,
  });
  if (parsed.success) return { ok: true, update: parsed.data };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.find((p) => typeof p === 'string' && p in ERROR_OF);
    if (typeof field === 'string') Object.assign(errors, ERROR_OF[field]);
  }
  return { ok: false, errors };
}
