import type { LearnerProfession } from '../learner/learner-profile';
import type { MicroCase } from '../micro-case/micro-case-schema';
import type { Grade } from './grade-attempt';

/**
 * What a completed cycle earns, by FHIR code (fhir-profiles/terminology/credit-type.codesystem.json)
 * and the display the ledger keeps. Only physicians (MD, DO) receive AMA PRA Category 1 Credit;
 * other health professionals receive a certificate of participation in the designated activity
 * (DOMAIN.md), which their own boards may accept.
 */
export const CREDIT_TYPES = {
  'ama-pra-1': 'AMA PRA Category 1 Credit',
  'ama-pra-1-participation': 'Participation in an AMA PRA Category 1 Credit activity',
} as const;
export type CreditTypeCode = keyof typeof CREDIT_TYPES;
export type CreditTypeDisplay = (typeof CREDIT_TYPES)[CreditTypeCode];

/**
 * The credit type for a learner's profession. An unstated profession is the learner's own claim
 * as a physician, which the designation statement on the certificate qualifies.
 */
export function creditTypeFor(profession: LearnerProfession | undefined): CreditTypeDisplay {
  return profession === undefined || profession === 'physician'
    ? CREDIT_TYPES['ama-pra-1']
    : CREDIT_TYPES['ama-pra-1-participation'];
}

export const isParticipation = (creditType: string): boolean =>
  creditType === CREDIT_TYPES['ama-pra-1-participation'];

/** The FHIR code of a credit type as the ledger keeps it (rows before participation: AMA PRA). */
export function creditTypeCode(display: string): CreditTypeCode {
  return isParticipation(display) ? 'ama-pra-1-participation' : 'ama-pra-1';
}

/** The AMA PRA internet point-of-care cycle as the learner documented it (DOMAIN.md). */
export interface PocReflection {
  clinicalQuestion: string;
  /** Citation ids of the case's sources the learner consulted. */
  sourcesConsulted: readonly string[];
  applicationToPractice: string;
}

export const CREDIT_DENIALS = [
  'CONTENT_NOT_REVIEWED',
  'CONTENT_REVIEW_EXPIRED',
  'REFLECTION_INCOMPLETE',
  'BELOW_PASS_MARK',
  'ALREADY_CREDITED_TODAY',
  'YEARLY_CAP_REACHED',
] as const;
export type CreditDenial = (typeof CREDIT_DENIALS)[number];

export interface CreditContext {
  microCase: MicroCase;
  grade: Grade;
  reflection: PocReflection;
  /** Credits this learner already holds for this case on the same (UTC) day. */
  creditsForCaseToday: number;
  /** Credit amount this learner already holds in the current calendar year. */
  creditThisYear: number;
  /** Provider's yearly cap on internet PoC credit (e.g. 20). */
  yearlyCap: number;
  now: Date;
  /** Only for sandboxes and demos: credit content no clinician has reviewed yet. */
  allowUnreviewedContent?: boolean;
  /** The learner's profession from their profile: AMA PRA credit or participation. */
  profession?: LearnerProfession;
}

export type CreditDecision =
  | {
      awarded: true;
      amount: number;
      format: MicroCase['credit']['format'];
      creditType: CreditTypeDisplay;
    }
  | { awarded: false; denials: CreditDenial[] };

const MIN_REFLECTION = 10;

/**
 * AMA PRA Category 1 rules as the provider applies them: internet PoC earns 0.5 (for other
 * professions than physicians, participation in an activity designated for 0.5) when the
 * clinical question, sources and application to practice are all documented; enduring material
 * needs the pass mark stated in advance; one credit per case per day; a yearly cap; no credit
 * for content past its review date or never reviewed (ACCME Standards for Integrity and
 * Independence, 2022).
 */
export function decideCredit(context: CreditContext): CreditDecision {
  const { microCase, grade, reflection, now } = context;
  const denials: CreditDenial[] = [];
  if (microCase.disclosure.reviewers.length === 0 && context.allowUnreviewedContent !== true) {
    denials.push('CONTENT_NOT_REVIEWED');
  }
  if (microCase.disclosure.nextReviewDue < now.toISOString().slice(0, 10))
    denials.push('CONTENT_REVIEW_EXPIRED');
  const credit = microCase.credit;
  if (credit.format === 'internet-poc') {
    const cited = new Set(microCase.citations.map((c) => c.id));
    const documented =
      reflection.clinicalQuestion.trim().length >= MIN_REFLECTION &&
      reflection.applicationToPractice.trim().length >= MIN_REFLECTION &&
      reflection.sourcesConsulted.some((id) => cited.has(id));
    if (!documented) denials.push('REFLECTION_INCOMPLETE');
  } else if (grade.score < credit.passMark) {
    denials.push('BELOW_PASS_MARK');
  }
  if (context.creditsForCaseToday > 0) denials.push('ALREADY_CREDITED_TODAY');
  if (context.creditThisYear + credit.amount > context.yearlyCap)
    denials.push('YEARLY_CAP_REACHED');
  if (denials.length > 0) return { awarded: false, denials };
  return {
    awarded: true,
    amount: credit.amount,
    format: credit.format,
    creditType: creditTypeFor(context.profession),
  };
}
