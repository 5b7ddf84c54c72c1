import { z } from 'zod';
import { PROFESSIONS } from '../micro-case/micro-case-schema';
import { TOPIC_IDS } from '../topics';
import { isValidNpi } from './npi';

/** The learner's profession: `physician` means MD or DO (only they receive AMA PRA credit). */
export const LEARNER_PROFESSIONS = [...PROFESSIONS, 'other'] as const;
export type LearnerProfession = (typeof LEARNER_PROFESSIONS)[number];

/** Specialties a learner can choose; the slugs are those cases list in `specialties`. */
export const LEARNER_SPECIALTIES = [
  'internal-medicine',
  'family-medicine',
  'emergency-medicine',
  'hospital-medicine',
  'cardiology',
  'pulmonology',
  'nephrology',
  'infectious-disease',
  'critical-care',
  'endocrinology',
  'other',
] as const;
export type LearnerSpecialty = (typeof LEARNER_SPECIALTIES)[number];

/**
 * A name starts with a letter and holds letters, marks, spaces, apostrophes, commas, periods and
 * dashes: what names need, and nothing a spreadsheet opening the PARS export would run as a formula.
 */
const personName = z
  .string()
  .trim()
  .max(100)
  .regex(/^\p{L}[\p{L}\p{M} .,'’-]*$/u, 'letters, spaces, apostrophes, commas, periods and dashes');

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * What the CME office needs to report a completion to a board (ACCME PARS learner data: name,
 * board id or NPI, birth month and day). All optional: a learner who never reports leaves them empty.
 */
export const reportingIdentifiersSchema = z
  .object({
    /** Name as the board knows it (PARS first and last name); confirmed by the learner. */
    firstName: personName.optional(),
    lastName: personName.optional(),
    npi: z
      .string()
      .refine(isValidNpi, { error: 'an NPI is 10 digits with a valid check digit' })
      .optional(),
    /** The learner's id at their certifying board (e.g. ABIM), as the board prints it. */
    boardId: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/,
        'letters, digits and dashes, at most 32, starting with a letter or digit',
      )
      .optional(),
    birthMonth: z.number().int().min(1).max(12).optional(),
    birthDay: z.number().int().min(1).max(31).optional(),
  })
  .strict()
  .refine((r) => (r.birthMonth === undefined) === (r.birthDay === undefined), {
    error: 'give both birth month and birth day, or neither',
    path: ['birthDay'],
  })
  .refine(
    (r) =>
      r.birthMonth === undefined ||
      r.birthDay === undefined ||
      r.birthDay <= (DAYS_IN_MONTH[r.birthMonth - 1] ?? 0),
    { error: 'that month has no such day', path: ['birthDay'] },
  );
export type ReportingIdentifiers = z.infer<typeof reportingIdentifiersSchema>;

/**
 * The learner's permission to report their completions to boards (ACCME Standard 2: learner
 * data leaves the system only with explicit consent), and when they gave or withdrew it.
 */
export const reportingConsentSchema = z
  .object({ given: z.boolean(), at: z.iso.datetime() })
  .strict();
export type ReportingConsent = z.infer<typeof reportingConsentSchema>;

/** Fields the learner edits; profession and specialty may come from the EHR's PractitionerRole. */
export const learnerProfileFieldsSchema = z
  .object({
    profession: z.enum(LEARNER_PROFESSIONS).optional(),
    specialty: z.enum(LEARNER_SPECIALTIES).optional(),
    /** Where profession and specialty came from: the EHR, or the learner's own choice. */
    roleSource: z.enum(['practitioner-role', 'learner']).optional(),
    /** Topics the learner says they want to work on. */
    gaps: z
      .array(z.enum(TOPIC_IDS))
      .max(TOPIC_IDS.length)
      .refine((gaps) => new Set(gaps).size === gaps.length, { error: 'each gap once' }),
    reporting: reportingIdentifiersSchema,
  })
  .strict();
export type LearnerProfileFields = z.infer<typeof learnerProfileFieldsSchema>;

/** The learner profile as stored: the fields plus the reporting consent, stamped by the server. */
export const learnerProfileSchema = learnerProfileFieldsSchema
  .extend({ reportingConsent: reportingConsentSchema.optional() })
  .strict();
export type LearnerProfile = z.infer<typeof learnerProfileSchema>;

/** A learner who has told us nothing yet. */
export const EMPTY_PROFILE: LearnerProfile = { gaps: [], reporting: {} };
