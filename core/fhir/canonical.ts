/** Base of Chartside's canonical URLs (CodeSystems, extensions, case Questionnaires). */
export const CHARTSIDE_FHIR = 'https://chartside.dev/fhir';

export const EXTENSION = {
  creditType: `${CHARTSIDE_FHIR}/StructureDefinition/credit-type`,
  creditAmount: `${CHARTSIDE_FHIR}/StructureDefinition/credit-amount`,
  creditFormat: `${CHARTSIDE_FHIR}/StructureDefinition/credit-format`,
  accreditedActivity: `${CHARTSIDE_FHIR}/StructureDefinition/accredited-activity`,
} as const;

/** Canonical reference of a micro-case as a Questionnaire, `url|version`. */
export function caseCanonical(caseId: string, version: string): string {
  return `${CHARTSIDE_FHIR}/Questionnaire/${caseId}|${version}`;
}
