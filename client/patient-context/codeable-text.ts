import type { CodeableConcept, Coding } from 'fhir/r4';

const SYSTEM_LABELS: Record<string, string> = {
  'http://snomed.info/sct': 'SNOMED CT',
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD-10-CM',
  'http://hl7.org/fhir/sid/icd-10': 'ICD-10',
  'http://loinc.org': 'LOINC',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RxNorm',
};

/** What a clinician reads for a concept: its text, else the first coding's display. */
export function codeableText(concept: CodeableConcept | undefined): string | undefined {
  const text = concept?.text ?? concept?.coding?.find((coding) => coding.display)?.display;
  return text?.trim() === '' ? undefined : text;
}

/** The first coding with a code, as "SNOMED CT 44054006" (the system's short name if known). */
export function codeLabel(concept: CodeableConcept | undefined): string | undefined {
  const coding: Coding | undefined = concept?.coding?.find((candidate) => candidate.code);
  if (coding?.code === undefined) return undefined;
  const system = coding.system === undefined ? undefined : SYSTEM_LABELS[coding.system];
  return system === undefined ? coding.code : `${system} ${coding.code}`;
}

/** A stable grouping key for "the same test": first system|code, else the text. */
export function conceptKey(concept: CodeableConcept | undefined): string | undefined {
  const coding = concept?.coding?.find((candidate) => candidate.code);
  if (coding?.code !== undefined) return `${coding.system ?? ''}|${coding.code}`;
  return codeableText(concept);
}

export function hasCode(concept: CodeableConcept | undefined, system: string, code: string) {
  return (
    concept?.coding?.some((coding) => coding.system === system && coding.code === code) ?? false
  );
}
