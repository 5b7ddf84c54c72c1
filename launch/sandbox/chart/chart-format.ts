import type {
  CodeableConcept,
  Coding,
  Encounter,
  HumanName,
  Observation,
  ObservationReferenceRange,
  Patient,
  Quantity,
} from 'fhir/r4';

/** Short names for the code systems a chart shows (FHIR R4 terminology §4.3, US Core). */
const SYSTEM_NAMES: Record<string, string> = {
  'http://snomed.info/sct': 'SNOMED',
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD-10-CM',
  'http://hl7.org/fhir/sid/icd-10': 'ICD-10',
  'http://loinc.org': 'LOINC',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RxNorm',
  'http://hl7.org/fhir/sid/ndc': 'NDC',
};

/** v3 ActCode encounter classes (FHIR R4 ValueSet v3-ActEncounterCode). */
const ENCOUNTER_CLASSES: Record<string, string> = {
  AMB: 'Ambulatory',
  EMER: 'Emergency',
  IMP: 'Inpatient',
  ACUTE: 'Inpatient acute',
  NONAC: 'Inpatient non-acute',
  OBSENC: 'Observation',
  PRENC: 'Pre-admission',
  SS: 'Short stay',
  VR: 'Virtual',
  HH: 'Home health',
  FLD: 'Field',
};

const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';

export function codeText(concept: CodeableConcept | undefined): string {
  const coding = concept?.coding?.find((c) => c.display) ?? concept?.coding?.[0];
  return concept?.text ?? coding?.display ?? coding?.code ?? '—';
}

/** "SNOMED 44054006": the first coding of a concept with its code system's short name. */
export function codeLabel(concept: CodeableConcept | undefined): string {
  const coding: Coding | undefined = concept?.coding?.find((c) => c.code);
  if (!coding?.code) return '—';
  const system = coding.system ?? '';
  const name = SYSTEM_NAMES[system] ?? (system.split('/').filter(Boolean).pop() || 'local');
  return `${name} ${coding.code}`;
}

export function personName(names: HumanName[] | undefined): string {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) return 'Unnamed';
  if (name.text) return name.text;
  return [...(name.prefix ?? []), ...(name.given ?? []), name.family].filter(Boolean).join(' ');
}

/** The medical record number: the identifier typed MR (HL7 v2 table 0203), else the first one. */
export function medicalRecordNumber(patient: Patient): string {
  const mr = patient.identifier?.find((id) => id.type?.coding?.some((c) => c.code === 'MR'));
  return (mr ?? patient.identifier?.[0])?.value ?? '—';
}

/** Whole years between `birthDate` and `on` (the date of death for a deceased patient). */
export function ageInYears(birthDate: string, on: Date): number {
  const [year = 0, month = 1, day = 1] = birthDate.split('-').map(Number);
  let age = on.getFullYear() - year;
  if (on.getMonth() + 1 < month || (on.getMonth() + 1 === month && on.getDate() < day)) age -= 1;
  return age;
}

/** "2025-07-28 09:15", as written in the record: no time-zone conversion on a shared screen. */
export function formatDateTime(value: string | undefined): string {
  if (!value) return '—';
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(value);
  return match ? [match[1], match[2]].filter(Boolean).join(' ') : value;
}

export function encounterClass(encounter: Encounter): string {
  const { code, display } = encounter.class;
  return display ?? ENCOUNTER_CLASSES[code ?? ''] ?? code ?? '—';
}

export function observationDate(observation: Observation): string | undefined {
  return (
    observation.effectiveDateTime ??
    observation.effectivePeriod?.start ??
    observation.effectiveInstant ??
    observation.issued
  );
}

// Four significant digits: generated data carries 15 (92.70089468448165 mg/dL), nobody reads them.
const NUMBER = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4, useGrouping: false });

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

function quantityText(quantity: Quantity | undefined): string | undefined {
  if (quantity?.value === undefined) return undefined;
  const unit = quantity.unit ?? quantity.code;
  const value = formatNumber(quantity.value);
  return unit ? `${value} ${unit}` : value;
}

/** "4.1 mmol/L", "128/82 mm[Hg]" for a blood pressure panel, or the coded or text value. */
export function observationValue(observation: Observation): string {
  const components = observation.component ?? [];
  const part = (loinc: string) =>
    components.find((c) => c.code.coding?.some((coding) => coding.code === loinc))?.valueQuantity;
  const systolic = part(SYSTOLIC);
  const diastolic = part(DIASTOLIC);
  if (systolic?.value !== undefined && diastolic?.value !== undefined) {
    return `${formatNumber(systolic.value)}/${formatNumber(diastolic.value)} ${systolic.unit ?? systolic.code ?? 'mmHg'}`;
  }
  const direct =
    quantityText(observation.valueQuantity) ??
    (observation.valueCodeableConcept && codeText(observation.valueCodeableConcept)) ??
    observation.valueString ??
    (observation.valueBoolean === undefined
      ? undefined
      : observation.valueBoolean
        ? 'Yes'
        : 'No') ??
    (observation.valueInteger === undefined ? undefined : formatNumber(observation.valueInteger));
  if (direct !== undefined) return direct;
  const parts = components.map((c) => `${codeText(c.code)} ${quantityText(c.valueQuantity) ?? ''}`);
  return parts.length > 0 ? parts.map((p) => p.trim()).join('; ') : '—';
}

export type ResultFlag = 'High' | 'Low' | 'Abnormal';

const INTERPRETATIONS: Record<string, ResultFlag> = {
  H: 'High',
  HH: 'High',
  HU: 'High',
  L: 'Low',
  LL: 'Low',
  LU: 'Low',
  A: 'Abnormal',
  AA: 'Abnormal',
};

function outOfRange(
  quantity: Quantity | undefined,
  ranges: ObservationReferenceRange[] | undefined,
): ResultFlag | undefined {
  const value = quantity?.value;
  const range = ranges?.[0];
  if (value === undefined || !range) return undefined;
  if (range.high?.value !== undefined && value > range.high.value) return 'High';
  if (range.low?.value !== undefined && value < range.low.value) return 'Low';
  return undefined;
}

/** The lab's own interpretation if given, else the value (or a component's) against its reference range. */
export function observationFlag(observation: Observation): ResultFlag | undefined {
  for (const concept of observation.interpretation ?? []) {
    for (const coding of concept.coding ?? []) {
      const flag = INTERPRETATIONS[coding.code ?? ''];
      if (flag) return flag;
    }
  }
  return (
    outOfRange(observation.valueQuantity, observation.referenceRange) ??
    observation.component
      ?.map((c) => outOfRange(c.valueQuantity, c.referenceRange))
      .find((flag) => flag !== undefined)
  );
}

/** "70–99 mg/dL", "< 2 mmol/L", or the range's text. */
export function referenceRangeText(observation: Observation): string {
  const range = observation.referenceRange?.[0];
  if (!range) return '';
  const { low, high } = range;
  const unit = high?.unit ?? low?.unit ?? '';
  if (low?.value !== undefined && high?.value !== undefined) {
    return `${low.value}–${high.value} ${unit}`.trim();
  }
  if (high?.value !== undefined) return `≤ ${high.value} ${unit}`.trim();
  if (low?.value !== undefined) return `≥ ${low.value} ${unit}`.trim();
  return range.text ?? '';
}
