import type {
  Condition,
  Encounter,
  MedicationAdministration,
  MedicationRequest,
  Observation,
  ObservationComponent,
  Patient,
} from 'fhir/r4';
import aceiArbArni from '../../fhir-profiles/valuesets/hfref-acei-arb-arni.json';
import betaBlockers from '../../fhir-profiles/valuesets/hfref-beta-blockers.json';
import hfDiagnoses from '../../fhir-profiles/valuesets/hfref-diagnoses.json';
import lvef from '../../fhir-profiles/valuesets/hfref-lvef.json';
import bloodPressure from '../../fhir-profiles/valuesets/htn-blood-pressure.json';
import htnDiagnoses from '../../fhir-profiles/valuesets/htn-diagnoses.json';
import opioids from '../../fhir-profiles/valuesets/opioids-analgesics.json';
import benzodiazepines from '../../fhir-profiles/valuesets/opioids-benzodiazepines.json';
import antibiotics from '../../fhir-profiles/valuesets/sepsis-antibiotics.json';
import bloodCulture from '../../fhir-profiles/valuesets/sepsis-blood-culture.json';
import sepsisDiagnoses from '../../fhir-profiles/valuesets/sepsis-diagnoses.json';
import lactate from '../../fhir-profiles/valuesets/sepsis-lactate.json';
import t2dmDiagnoses from '../../fhir-profiles/valuesets/t2dm-diagnoses.json';
import hba1c from '../../fhir-profiles/valuesets/t2dm-hba1c.json';
import { valueSetExpansionSchema } from '../wire/library';
import { createMeasures, measureById } from './index';
import type { Measure, MeasureContext, MeasureId, PatientRecord } from './measure';

/** The library's real value sets, parsed as the server parses them. */
export const libraryValueSets = [
  aceiArbArni,
  betaBlockers,
  hfDiagnoses,
  lvef,
  bloodPressure,
  htnDiagnoses,
  opioids,
  benzodiazepines,
  antibiotics,
  bloodCulture,
  sepsisDiagnoses,
  lactate,
  t2dmDiagnoses,
  hba1c,
].map((json) => valueSetExpansionSchema.parse(json));

const measures = createMeasures(libraryValueSets);
export function measure(id: MeasureId): Measure {
  const found = measureById(measures, id);
  if (!found) throw new Error(`no measure ${id}`);
  return found;
}

/** Calendar year 2026, half-open. */
export const PERIOD = {
  start: new Date('2026-01-01T00:00:00Z'),
  end: new Date('2027-01-01T00:00:00Z'),
};
export const ME = 'Practitioner/dr-me';
export const context: MeasureContext = { practitioner: ME, period: PERIOD };

const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const LOINC = 'http://loinc.org';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/** Codes taken from the value sets above (checked in each test file's first test). */
export const CODE = {
  diabetes: [ICD10, 'E11.9'],
  hypertension: [ICD10, 'I10'],
  heartFailure: [ICD10, 'I50.22'],
  sepsis: [ICD10, 'A41.9'],
  hba1c: [LOINC, '4548-4'],
  bpPanel: [LOINC, '85354-9'],
  systolic: [LOINC, '8480-6'],
  diastolic: [LOINC, '8462-4'],
  lvef: [LOINC, '10230-1'],
  lactate: [LOINC, '2524-7'],
  bloodCulture: [LOINC, '600-7'],
  lisinopril: [RXNORM, '314076'],
  metoprololSuccinate: [RXNORM, '866436'],
  oxycodoneApap: [RXNORM, '1049221'],
  tramadol: [RXNORM, '835603'],
  alprazolam: [RXNORM, '308048'],
  piperacillinTazobactam: [RXNORM, '1659149'],
  vancomycin: [RXNORM, '1807513'],
} as const;
type Code = (typeof CODE)[keyof typeof CODE];

const concept = ([system, code]: Code) => ({ coding: [{ system, code }] });
let counter = 0;
const id = (kind: string) => `${kind}-${String(++counter)}`;

export function patient(birthDate: string): Patient {
  return { resourceType: 'Patient', id: 'p1', birthDate };
}

export function encounter(o: {
  start: string;
  end?: string;
  practitioner?: string;
  status?: Encounter['status'];
  classCode?: 'AMB' | 'IMP' | 'EMER';
}): Encounter {
  return {
    resourceType: 'Encounter',
    id: id('enc'),
    status: o.status ?? 'finished',
    class: {
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      code: o.classCode ?? 'AMB',
    },
    subject: { reference: 'Patient/p1' },
    participant: [{ individual: { reference: o.practitioner ?? ME } }],
    period: o.end === undefined ? { start: o.start } : { start: o.start, end: o.end },
  };
}

const hl7 = (system: string, code: string) => ({
  coding: [{ system: `http://terminology.hl7.org/CodeSystem/${system}`, code }],
});

export function condition(
  code: Code,
  o: {
    onset?: string;
    recorded?: string;
    clinical?: string;
    verification?: string;
    abated?: string;
    encounter?: Encounter;
  } = {},
): Condition {
  return {
    resourceType: 'Condition',
    id: id('cond'),
    clinicalStatus: hl7('condition-clinical', o.clinical ?? 'active'),
    verificationStatus: hl7('condition-ver-status', o.verification ?? 'confirmed'),
    code: concept(code),
    subject: { reference: 'Patient/p1' },
    ...(o.encounter && { encounter: { reference: `Encounter/${o.encounter.id ?? ''}` } }),
    ...(o.onset !== undefined && { onsetDateTime: o.onset }),
    ...(o.abated !== undefined && { abatementDateTime: o.abated }),
    ...(o.recorded !== undefined && { recordedDate: o.recorded }),
  };
}

const quantity = (value: number, unit: string) => ({
  value,
  unit,
  system: 'http://unitsofmeasure.org',
  code: unit,
});

export function observation(
  code: Code,
  o: {
    at?: string;
    value?: number;
    unit?: string;
    status?: Observation['status'];
    encounter?: Encounter;
    component?: ObservationComponent[];
  },
): Observation {
  return {
    resourceType: 'Observation',
    id: id('obs'),
    status: o.status ?? 'final',
    code: concept(code),
    subject: { reference: 'Patient/p1' },
    ...(o.encounter && { encounter: { reference: `Encounter/${o.encounter.id ?? ''}` } }),
    ...(o.at !== undefined && { effectiveDateTime: o.at }),
    ...(o.value !== undefined && { valueQuantity: quantity(o.value, o.unit ?? '%') }),
    ...(o.component && { component: o.component }),
  };
}

/** A blood-pressure panel as the sandbox personas write it (launch/sandbox/personas/builders.ts). */
export function bpPanel(at: string, systolic: number, diastolic: number): Observation {
  return observation(CODE.bpPanel, {
    at,
    component: [
      { code: concept(CODE.systolic), valueQuantity: quantity(systolic, 'mm[Hg]') },
      { code: concept(CODE.diastolic), valueQuantity: quantity(diastolic, 'mm[Hg]') },
    ],
  });
}

export function order(
  code: Code,
  o: {
    authored?: string;
    status?: MedicationRequest['status'];
    intent?: MedicationRequest['intent'];
    encounter?: Encounter;
  },
): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: id('med'),
    status: o.status ?? 'active',
    intent: o.intent ?? 'order',
    medicationCodeableConcept: concept(code),
    subject: { reference: 'Patient/p1' },
    ...(o.encounter && { encounter: { reference: `Encounter/${o.encounter.id ?? ''}` } }),
    ...(o.authored !== undefined && { authoredOn: o.authored }),
  };
}

export function dose(
  code: Code,
  o: { at: string; status?: MedicationAdministration['status']; encounter?: Encounter },
): MedicationAdministration {
  return {
    resourceType: 'MedicationAdministration',
    id: id('dose'),
    status: o.status ?? 'completed',
    medicationCodeableConcept: concept(code),
    subject: { reference: 'Patient/p1' },
    ...(o.encounter && { context: { reference: `Encounter/${o.encounter.id ?? ''}` } }),
    effectiveDateTime: o.at,
  };
}

/** A record; resources are grouped by type, so a test may list them in any order. */
export function record(
  p: Patient,
  ...resources: (
    Encounter | Condition | Observation | MedicationRequest | MedicationAdministration
  )[]
): PatientRecord {
  const of = <T>(type: string) => resources.filter((r) => r.resourceType === type) as T[];
  return {
    patient: p,
    encounters: of<Encounter>('Encounter'),
    conditions: of<Condition>('Condition'),
    observations: of<Observation>('Observation'),
    medicationRequests: of<MedicationRequest>('MedicationRequest'),
    medicationAdministrations: of<MedicationAdministration>('MedicationAdministration'),
  };
}

/** `system|code` membership of a test code in the named library value set. */
export function inValueSet(code: Code, valueSetId: string): boolean {
  const vs = libraryValueSets.find((v) => v.url.endsWith(`/${valueSetId}`));
  return (vs?.expansion.contains ?? []).some((c) => c.system === code[0] && c.code === code[1]);
}
