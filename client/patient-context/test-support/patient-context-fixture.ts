import type { Observation } from 'fhir/r4';
import type { PatientContext } from '../../../core/patient-context';

const subject = { reference: 'Patient/pat-1' };
const loinc = (code: string, display: string) => ({
  coding: [{ system: 'http://loinc.org', code, display }],
});
const category = (code: 'laboratory' | 'vital-signs') => [
  { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code }] },
];

const lab = (
  id: string,
  [code, name]: [string, string],
  value: number,
  date: string,
  [low, high]: [number, number],
): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  category: category('laboratory'),
  code: loinc(code, name),
  subject,
  effectiveDateTime: date,
  valueQuantity: { value, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
  referenceRange: [{ low: { value: low, unit: 'mmol/L' }, high: { value: high, unit: 'mmol/L' } }],
});

/** A septic-looking emergency visit: one lactate high today, an older normal one. */
export function patientContextFixture(overrides: Partial<PatientContext> = {}): PatientContext {
  return {
    launch: {
      patientId: 'pat-1',
      encounterId: 'enc-1',
      needPatientBanner: true,
      grantedScopes: ['launch', 'patient/Observation.rs'],
    },
    patient: {
      resourceType: 'Patient',
      id: 'pat-1',
      name: [{ use: 'official', family: 'Okafor', given: ['Ada'] }],
      gender: 'female',
      birthDate: '1958-03-12',
      identifier: [
        {
          type: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }],
          },
          value: 'MRN-004521',
        },
      ],
    },
    encounter: {
      resourceType: 'Encounter',
      id: 'enc-1',
      status: 'in-progress',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER' },
      reasonCode: [{ text: 'Fever and confusion' }],
      subject,
      period: { start: '2025-01-14' },
    },
    conditions: [
      {
        resourceType: 'Condition',
        id: 'c-1',
        subject,
        code: {
          coding: [{ system: 'http://snomed.info/sct', code: '44054006' }],
          text: 'Type 2 diabetes mellitus',
        },
      },
    ],
    observations: [
      lab('lac-2', ['2524-7', 'Lactate'], 4.1, '2025-01-14', [0.5, 2.2]),
      lab('lac-1', ['2524-7', 'Lactate'], 1.2, '2024-12-01', [0.5, 2.2]),
      lab('k-1', ['2823-3', 'Potassium'], 4.0, '2025-01-14', [3.5, 5.1]),
      {
        resourceType: 'Observation',
        id: 'bp-1',
        status: 'final',
        category: category('vital-signs'),
        code: loinc('85354-9', 'Blood pressure panel'),
        subject,
        effectiveDateTime: '2025-01-14',
        component: [
          { code: loinc('8480-6', 'Systolic'), valueQuantity: { value: 128, unit: 'mm[Hg]' } },
          { code: loinc('8462-4', 'Diastolic'), valueQuantity: { value: 82, unit: 'mm[Hg]' } },
        ],
      },
    ],
    medications: [
      {
        resourceType: 'MedicationRequest',
        id: 'm-1',
        status: 'active',
        intent: 'order',
        subject,
        medicationCodeableConcept: { text: 'Metformin 500 mg tablet' },
        dosageInstruction: [{ text: '1 tablet twice daily with meals' }],
      },
    ],
    unavailable: [],
    ...overrides,
  };
}
