import type { LearnerSpecialty } from './learner-profile';

/** The NUCC Health Care Provider Taxonomy, as FHIR names it (PractitionerRole.specialty). */
export const NUCC_TAXONOMY_SYSTEM = 'http://nucc.org/provider-taxonomy';

/**
 * NUCC taxonomy codes for the specialties the profile offers, each checked with its display in
 * the NUCC 21.1 expansion published by HL7 (fhir-directory-attestation,
 * ValueSet-HealthcareProviderTaxonomy). Only allopathic/osteopathic physician codes; a code not
 * listed (a hospitalist, a subspecialty, another profession) falls back to the written name.
 */
export const NUCC_SPECIALTIES: ReadonlyMap<string, LearnerSpecialty> = new Map([
  ['207R00000X', 'internal-medicine'], // Internal Medicine
  ['207Q00000X', 'family-medicine'], // Family Medicine
  ['207P00000X', 'emergency-medicine'], // Emergency Medicine
  ['207RC0000X', 'cardiology'], // Internal Medicine, Cardiovascular Disease
  ['207RP1001X', 'pulmonology'], // Internal Medicine, Pulmonary Disease
  ['207RN0300X', 'nephrology'], // Internal Medicine, Nephrology
  ['207RI0200X', 'infectious-disease'], // Internal Medicine, Infectious Disease
  ['207RC0200X', 'critical-care'], // Internal Medicine, Critical Care Medicine
  ['207RE0101X', 'endocrinology'], // Internal Medicine, Endocrinology, Diabetes & Metabolism
]);

/** The specialty a NUCC-coded concept names, if it is one of ours. */
export function specialtyOfCodings(
  codings: readonly { system?: string; code?: string }[],
): LearnerSpecialty | undefined {
  for (const coding of codings) {
    if (coding.system !== NUCC_TAXONOMY_SYSTEM || coding.code === undefined) continue;
    const specialty = NUCC_SPECIALTIES.get(coding.code);
    if (specialty !== undefined) return specialty;
  }
  return undefined;
}
