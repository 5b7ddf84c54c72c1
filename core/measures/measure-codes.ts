import type { ValueSetExpansion } from '../micro-case/library-problems';

/** Canonical base of the library's value sets (fhir-profiles/valuesets/<id>.json). */
export const VALUE_SET_BASE = 'https://chartside.dev/fhir/ValueSet/';

/** The library value sets the measures read, by the name the measures use. */
export const MEASURE_VALUE_SETS = {
  diabetes: 't2dm-diagnoses',
  hba1c: 't2dm-hba1c',
  hypertension: 'htn-diagnoses',
  bloodPressurePanel: 'htn-blood-pressure',
  heartFailure: 'hfref-diagnoses',
  lvef: 'hfref-lvef',
  aceiArbArni: 'hfref-acei-arb-arni',
  betaBlocker: 'hfref-beta-blockers',
  opioid: 'opioids-analgesics',
  benzodiazepine: 'opioids-benzodiazepines',
  sepsis: 'sepsis-diagnoses',
  lactate: 'sepsis-lactate',
  bloodCulture: 'sepsis-blood-culture',
  sepsisAntibiotic: 'sepsis-antibiotics',
} as const;

/** `system|code` keys of each value set's expansion. */
export type MeasureCodes = Record<keyof typeof MEASURE_VALUE_SETS, ReadonlySet<string>>;

const LOINC = 'http://loinc.org';

/**
 * Blood pressure components: fixed by the FHIR R4 vital-signs profile (and used by the sandbox
 * personas, launch/sandbox/personas/codes.ts), read from a panel's components or from separate
 * Observations. Fixed codes, so not a library value set.
 */
export const SYSTOLIC = `${LOINC}|8480-6`;
export const DIASTOLIC = `${LOINC}|8462-4`;

/** Encounter.class codes of the inpatient and emergency encounters CMS506 and SEP-1 count. */
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const ACUTE_CLASSES: ReadonlySet<string> = new Set([`${ACT_CODE}|IMP`, `${ACT_CODE}|EMER`]);

/**
 * The code sets the measures need, from the library's value-set expansions (as the server loads
 * them from fhir-profiles/valuesets). Throws naming every missing value set, so a library
 * without them fails at start rather than computing empty rates.
 */
export function measureCodes(valueSets: readonly ValueSetExpansion[]): MeasureCodes {
  const byUrl = new Map(valueSets.map((vs) => [vs.url, vs]));
  const missing: string[] = [];
  const codes: Partial<Record<keyof typeof MEASURE_VALUE_SETS, ReadonlySet<string>>> = {};
  for (const [name, id] of Object.entries(MEASURE_VALUE_SETS)) {
    const url = `${VALUE_SET_BASE}${id}`;
    const contains = byUrl.get(url)?.expansion?.contains ?? [];
    if (contains.length === 0) missing.push(url);
    codes[name as keyof typeof MEASURE_VALUE_SETS] = new Set(
      contains.flatMap((c) => (c.system && c.code ? [`${c.system}|${c.code}`] : [])),
    );
  }
  if (missing.length > 0) {
    throw new Error(`Quality measures need value sets with an expansion: ${missing.join(', ')}`);
  }
  return codes as MeasureCodes;
}
