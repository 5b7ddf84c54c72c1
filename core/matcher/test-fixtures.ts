import type { Condition, MedicationRequest, Observation, Patient } from 'fhir/r4';
import type { ValueSetExpansion } from '../micro-case/library-problems';
import type { MicroCase } from '../micro-case/micro-case-schema';
import type { Criterion } from '../micro-case/trigger-schema';

export const NOW = new Date('2026-11-26T12:00:00Z');
export const hoursAgo = (h: number): string =>
  new Date(NOW.getTime() - h * 3_600_000).toISOString();

const LOINC = 'http://loinc.org';
const VS = 'https://example.org/ValueSet/';

export const valueSets: ValueSetExpansion[] = [
  {
    url: `${VS}lactate`,
    title: 'Lactate',
    expansion: { contains: [{ system: LOINC, code: '2524-7' }] },
  },
  {
    url: `${VS}creatinine`,
    title: 'Creatinine',
    expansion: {
      contains: [
        { system: LOINC, code: '2160-0' },
        { system: LOINC, code: '14682-9' },
      ],
    },
  },
  {
    url: `${VS}sepsis`,
    title: 'Sepsis',
    expansion: { contains: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'A41.9' }] },
  },
  {
    url: `${VS}anticoagulants`,
    title: 'Anticoagulants',
    expansion: {
      contains: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '855332' }],
    },
  },
  {
    url: `${VS}bp`,
    title: 'Blood pressure',
    expansion: { contains: [{ system: LOINC, code: '85354-9' }] },
  },
];

export const patient: Patient = {
  resourceType: 'Patient',
  id: 'p1',
  gender: 'female',
  birthDate: '1959-07-09',
};

export function lab(
  id: string,
  code: string,
  value: number | undefined,
  unit: string,
  at: string,
  status: Observation['status'] = 'final',
): Observation {
  return {
    resourceType: 'Observation',
    id,
    status,
    code: {
      coding: [{ system: LOINC, code, display: code === '2524-7' ? 'Lactate' : 'Creatinine' }],
    },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: at,
    ...(value !== undefined && {
      valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
    }),
  };
}

export function condition(code: string, clinical: string, verification = 'confirmed'): Condition {
  return {
    resourceType: 'Condition',
    id: `c-${code}-${clinical}`,
    clinicalStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: clinical },
      ],
    },
    verificationStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
          code: verification,
        },
      ],
    },
    code: {
      coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code, display: 'Sepsis' }],
      text: 'Sepsis',
    },
    subject: { reference: 'Patient/p1' },
    onsetDateTime: hoursAgo(5),
  };
}

export function order(
  code: string,
  status: MedicationRequest['status'] = 'active',
): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: `m-${code}`,
    status,
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    authoredOn: hoursAgo(2),
    medicationCodeableConcept: {
      coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code }],
      text: 'Warfarin',
    },
  };
}

/** A minimal valid case around one trigger; the content is placeholder text for tests only. */
export function caseWith(id: string, trigger: Criterion): MicroCase {
  const text = { en: 'x', es: 'x' };
  const option = (correct: boolean, n: number) => ({
    id: `o${n}`,
    text,
    correct,
    feedback: text,
    citations: ['c'],
  });
  return {
    id,
    version: '1.0.0',
    title: text,
    cardSummary: text,
    topic: 'sepsis',
    professions: ['physician'],
    specialties: ['emergency-medicine'],
    difficulty: 'foundational',
    minutes: 5,
    trigger,
    stem: { text, slots: [] },
    questions: [1, 2, 3].map((q) => ({
      id: `q${q}`,
      prompt: text,
      options: [option(true, 1), option(false, 2), option(false, 3)],
    })),
    keyPoints: [1, 2, 3].map(() => ({ text, citations: ['c'] })),
    citations: [{ id: 'c', title: 't', organization: 'o', year: 2021, url: 'https://example.org' }],
    qualityMeasures: [],
    clinicalQuestion: text,
    credit: { format: 'internet-poc', amount: 0.5 },
    disclosure: {
      authors: [{ name: 'a', role: 'author', financialRelationships: 'none' }],
      reviewers: [],
      mitigation: text,
      contentValidityReviewed: '2026-11-26',
      nextReviewDue: '2027-11-26',
      commercialSupport: 'none',
      aiAssistance: text,
    },
  };
}
