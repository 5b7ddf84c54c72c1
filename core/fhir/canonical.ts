/** Base of Chartside's canonical URLs (CodeSystems, extensions, case Questionnaires). */
export const CHARTSIDE_FHIR = 'https://chartside.dev/fhir';

export const EXTENSION = {
  creditType: `${CHARTSIDE_FHIR}/StructureDefinition/credit-type`,
  creditAmount: `${CHARTSIDE_FHIR}/StructureDefinition/credit-amount`,
  creditFormat: `${CHARTSIDE_FHIR}/StructureDefinition/credit-format`,
  accreditedActivity: `${CHARTSIDE_FHIR}/StructureDefinition/accredited-activity`,
  correctOption: `${CHARTSIDE_FHIR}/StructureDefinition/correct-option`,
  optionFeedback: `${CHARTSIDE_FHIR}/StructureDefinition/option-feedback`,
  citation: `${CHARTSIDE_FHIR}/StructureDefinition/citation`,
} as const;

/** Profiles of what Chartside publishes (fhir-profiles/README.md). */
export const PROFILE = {
  completion: `${CHARTSIDE_FHIR}/StructureDefinition/chartside-completion`,
  creditAward: `${CHARTSIDE_FHIR}/StructureDefinition/chartside-credit-award`,
  creditProvenance: `${CHARTSIDE_FHIR}/StructureDefinition/chartside-credit-provenance`,
  caseQuestionnaire: `${CHARTSIDE_FHIR}/StructureDefinition/chartside-case-questionnaire`,
  casePlanDefinition: `${CHARTSIDE_FHIR}/StructureDefinition/chartside-case-plan-definition`,
} as const;

/** Canonical URL (without version) of a micro-case as a Questionnaire. */
export function caseQuestionnaireUrl(caseId: string): string {
  return `${CHARTSIDE_FHIR}/Questionnaire/${caseId}`;
}

/** Canonical URL (without version) of a micro-case's trigger as a PlanDefinition. */
export function casePlanDefinitionUrl(caseId: string): string {
  return `${CHARTSIDE_FHIR}/PlanDefinition/${caseId}`;
}

/** Canonical reference of a micro-case as a Questionnaire, `url|version`. */
export function caseCanonical(caseId: string, version: string): string {
  return `${caseQuestionnaireUrl(caseId)}|${version}`;
}
