import type { Condition, MedicationRequest, Observation } from 'fhir/r4';
import { caseWith, valueSets as coreValueSets } from '../../../core/matcher/test-fixtures';
import type { ValueSetExpansion } from '../../../core/micro-case/library-problems';
import type { LocalizedText } from '../../../core/micro-case/localized-text';
import type { MicroCase } from '../../../core/micro-case/micro-case-schema';
import type { PatientContext } from '../../../core/patient-context';
import type { LibraryResponse } from '../../../core/wire/library';
import { patientContextFixture } from '../../patient-context/test-support/patient-context-fixture';

const VS = 'https://example.org/ValueSet/';
const both = (en: string, es = `ES ${en}`): LocalizedText => ({ en, es });

export const valueSets: ValueSetExpansion[] = [
  ...coreValueSets,
  {
    url: `${VS}t2dm`,
    expansion: { contains: [{ system: 'http://snomed.info/sct', code: '44054006' }] },
  },
  {
    url: `${VS}asthma`,
    expansion: { contains: [{ system: 'http://snomed.info/sct', code: '195967001' }] },
  },
];

/** Three questions whose correct option is the first, second and third in turn. */
function questions(prefix: string): MicroCase['questions'] {
  return [1, 2, 3].map((n) => ({
    id: `q${n}`,
    prompt: both(`${prefix} question ${n}?`, `¿${prefix} pregunta ${n}?`),
    options: ['a', 'b', 'c'].map((letter, index) => ({
      id: letter,
      text: both(`${prefix} q${n} option ${letter}`, `${prefix} p${n} opción ${letter}`),
      correct: index === n - 1,
      feedback: both(`Feedback on q${n} ${letter}.`, `Comentario sobre p${n} ${letter}.`),
      citations: [index === 0 ? 'ssc-2021' : 'sep-1'],
    })),
  }));
}

function teachingCase(
  id: string,
  trigger: MicroCase['trigger'],
  content: Partial<MicroCase> & { title: LocalizedText },
): MicroCase {
  return {
    ...caseWith(id, trigger),
    cardSummary: both(`Why ${content.title.en} matters now.`, `Por qué importa ahora.`),
    stem: { text: both(`A ${content.title.en} stem.`, `Un caso: ${content.title.es}.`), slots: [] },
    questions: questions(content.title.en.split(':')[0] ?? id),
    keyPoints: [1, 2, 3].map((n) => ({
      text: both(`Key point ${n} of ${id}.`, `Punto clave ${n} de ${id}.`),
      citations: ['ssc-2021'],
    })),
    citations: [
      {
        id: 'ssc-2021',
        title: 'Surviving Sepsis Campaign: international guidelines 2021',
        organization: 'SCCM and ESICM',
        year: 2021,
        journal: 'Intensive Care Medicine',
        doi: '10.1007/s00134-021-06506-y',
      },
      {
        id: 'sep-1',
        title: 'SEP-1 measure specification',
        organization: 'CMS',
        year: 2024,
        url: 'https://qualitynet.cms.gov/inpatient/measures/sep-1',
      },
    ],
    clinicalQuestion: both(`What should I do next for ${id}?`, `¿Qué hago ahora con ${id}?`),
    ...content,
  };
}

export const sepsisCase = teachingCase(
  'sepsis-hour-one',
  {
    kind: 'all',
    of: [
      { kind: 'condition', id: 'sepsis-dx', valueSet: `${VS}sepsis` },
      {
        kind: 'observation',
        id: 'lactate',
        valueSet: `${VS}lactate`,
        within: { hours: 24 },
        which: 'latest',
        comparator: '>=',
        value: 2,
        unit: 'mmol/L',
      },
    ],
  },
  {
    title: both('Sepsis: the first hour', 'Sepsis: la primera hora'),
    minutes: 7,
    difficulty: 'intermediate',
    stem: {
      text: both('A 67-year-old is febrile and confused.', 'Una mujer de 67 años con fiebre.'),
      slots: [
        { criterion: 'lactate', label: both('Lactate', 'Lactato') },
        { criterion: 'sepsis-dx', label: both('Diagnosis', 'Diagnóstico') },
      ],
    },
  },
);

export const anticoagulationCase = teachingCase(
  'anticoagulation-check',
  { kind: 'medication', id: 'anticoagulant', valueSet: `${VS}anticoagulants`, present: true },
  { title: both('Anticoagulation check', 'Revisión de la anticoagulación'), topic: 'vte' },
);

export const diabetesCase = teachingCase(
  't2dm-next-step',
  { kind: 'condition', id: 't2dm', valueSet: `${VS}t2dm` },
  {
    title: both('Type 2 diabetes: next step', 'Diabetes tipo 2: el siguiente paso'),
    topic: 't2dm',
  },
);

export const asthmaCase = teachingCase(
  'asthma-step-up',
  { kind: 'condition', id: 'asthma', valueSet: `${VS}asthma` },
  { title: both('Asthma: stepping up', 'Asma: escalar el tratamiento'), topic: 'asthma' },
);

export const library: LibraryResponse = {
  cases: [asthmaCase, diabetesCase, anticoagulationCase, sepsisCase],
  valueSets: valueSets.map((vs) => ({
    resourceType: 'ValueSet',
    status: 'active',
    ...vs,
  })) as LibraryResponse['valueSets'],
};

const subject = { reference: 'Patient/pat-1' };
const active = (system: string, code: string, text: string, onset?: string): Condition => ({
  resourceType: 'Condition',
  id: `c-${code}`,
  subject,
  clinicalStatus: {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
    ],
  },
  code: { coding: [{ system, code }], text },
  ...(onset === undefined ? {} : { onsetDateTime: onset }),
});

/** A septic patient on warfarin with type 2 diabetes, charted in the last few hours. */
export function matchingContext(overrides: Partial<PatientContext> = {}): PatientContext {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
  const lactate: Observation = {
    resourceType: 'Observation',
    id: 'lac-now',
    status: 'final',
    category: [{ coding: [{ code: 'laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '2524-7', display: 'Lactate' }] },
    subject,
    effectiveDateTime: hoursAgo(2),
    valueQuantity: {
      value: 4.1,
      unit: 'mmol/L',
      system: 'http://unitsofmeasure.org',
      code: 'mmol/L',
    },
  };
  const warfarin: MedicationRequest = {
    resourceType: 'MedicationRequest',
    id: 'm-warfarin',
    status: 'active',
    intent: 'order',
    subject,
    authoredOn: hoursAgo(3),
    medicationCodeableConcept: {
      coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '855332' }],
      text: 'Warfarin 5 mg tablet',
    },
  };
  const base = patientContextFixture({
    conditions: [
      active('http://hl7.org/fhir/sid/icd-10-cm', 'A41.9', 'Sepsis', hoursAgo(4)),
      active('http://snomed.info/sct', '44054006', 'Type 2 diabetes mellitus'),
    ],
    observations: [lactate],
    medications: [warfarin],
  });
  return {
    ...base,
    ...overrides,
    launch: { ...base.launch, fhirUser: 'Practitioner/dr-ada', ...overrides.launch },
  };
}
