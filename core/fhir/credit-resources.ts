import type { Basic, Provenance, QuestionnaireResponse, QuestionnaireResponseItem } from 'fhir/r4';
import { creditTypeCode, type PocReflection } from '../credits/credit-policy';
import type { AnswerChoice } from '../credits/grade-attempt';
import { variantLinkId } from '../micro-case/question-variants';
import { caseCanonical, CHARTSIDE_FHIR, EXTENSION, PROFILE } from './canonical';

export interface CreditRecord {
  completionId: string;
  awardId: string;
  provenanceId: string;
  caseId: string;
  caseVersion: string;
  /** Absolute fhirUser of the learner. */
  learner: string;
  /** Absolute, versioned: `{iss}/Encounter/{id}/_history/{v}` (or unversioned if the EHR gives none). */
  encounter: string;
  answers: readonly AnswerChoice[];
  reflection: PocReflection;
  startedAt: string;
  finishedAt: string;
  recordedAt: string;
  award: { amount: number; format: 'internet-poc' | 'enduring'; creditType: string } | undefined;
  appVersion: string;
  /** The accredited provider, `Organization/...`. */
  provider: { reference: string; display: string };
}

const text = (linkId: string, value: string): QuestionnaireResponseItem => ({
  linkId,
  answer: [{ valueString: value }],
});

/** The completion as a QuestionnaireResponse answering the case's Questionnaire (DOMAIN.md table). */
export function buildCompletionResponse(record: CreditRecord): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    id: record.completionId,
    meta: { profile: [PROFILE.completion] },
    questionnaire: caseCanonical(record.caseId, record.caseVersion),
    status: 'completed',
    encounter: { reference: record.encounter },
    authored: record.finishedAt,
    author: { reference: record.learner },
    source: { reference: record.learner },
    item: [
      // The item of the variant answered (core/fhir/case-questionnaire.ts): which one it was.
      ...record.answers.map((a) => ({
        linkId: variantLinkId(a.questionId, a.variant),
        answer: [
          {
            valueCoding: {
              system: caseCanonical(record.caseId, record.caseVersion),
              code: a.optionId,
            },
          },
        ],
      })),
      {
        linkId: 'poc-reflection',
        item: [
          text('clinical-question', record.reflection.clinicalQuestion),
          // One item, one answer per source: R4 repeats answers of a repeating question, not items.
          {
            linkId: 'source-consulted',
            answer: record.reflection.sourcesConsulted.map((s) => ({ valueString: s })),
          },
          text('application-to-practice', record.reflection.applicationToPractice),
        ],
      },
    ],
  };
}

/** The credit award as a Basic resource (no HL7 guide models CME credit; DOMAIN.md). */
export function buildCreditAward(
  record: CreditRecord & { award: NonNullable<CreditRecord['award']> },
): Basic {
  return {
    resourceType: 'Basic',
    id: record.awardId,
    meta: { profile: [PROFILE.creditAward] },
    code: {
      coding: [
        {
          system: `${CHARTSIDE_FHIR}/CodeSystem/credit-award`,
          code: 'credit-award',
          display: 'Continuing education credit award',
        },
      ],
    },
    subject: { reference: record.learner },
    created: record.recordedAt.slice(0, 10),
    author: record.provider,
    extension: [
      {
        url: EXTENSION.creditType,
        valueCoding: {
          system: `${CHARTSIDE_FHIR}/CodeSystem/credit-type`,
          code: creditTypeCode(record.award.creditType),
          display: record.award.creditType,
        },
      },
      { url: EXTENSION.creditAmount, valueDecimal: record.award.amount },
      { url: EXTENSION.creditFormat, valueCode: record.award.format },
      {
        url: EXTENSION.accreditedActivity,
        valueReference: { reference: caseCanonical(record.caseId, record.caseVersion) },
      },
    ],
  };
}

/**
 * The Provenance of a credit (DESIGN.md §4): targets the award and the completion; its sources
 * are the versioned Encounter and the case version; the learner performed, the app assembled,
 * the accredited provider verified.
 */
export function buildCreditProvenance(record: CreditRecord, targets: string[]): Provenance {
  return {
    resourceType: 'Provenance',
    id: record.provenanceId,
    meta: { profile: [PROFILE.creditProvenance] },
    target: targets.map((reference) => ({ reference })),
    occurredPeriod: { start: record.startedAt, end: record.finishedAt },
    recorded: record.recordedAt,
    activity: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation', code: 'CREATE' },
      ],
    },
    agent: [
      {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
              code: 'performer',
            },
          ],
        },
        who: { reference: record.learner },
      },
      {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
              code: 'assembler',
            },
          ],
        },
        who: {
          display: `Chartside ${record.appVersion}`,
          identifier: {
            system: `${CHARTSIDE_FHIR}/device`,
            value: `chartside@${record.appVersion}`,
          },
        },
      },
      {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
              code: 'verifier',
            },
          ],
        },
        who: record.provider,
      },
    ],
    entity: [
      { role: 'source', what: { reference: record.encounter } },
      { role: 'source', what: { reference: caseCanonical(record.caseId, record.caseVersion) } },
    ],
  };
}
