import { z } from 'zod';
import type { Question, QuestionBody } from './micro-case-schema';

/** Which version of a question the learner answered: the authored one, or a variant of it. */
export const QUESTION_VARIANTS = ['standard', 'easier', 'harder'] as const;
export type QuestionVariant = (typeof QUESTION_VARIANTS)[number];
export const questionVariantSchema = z.enum(QUESTION_VARIANTS);

/** The prompt and options of `variant`, or undefined when the question has no such variant. */
export function questionBody(
  question: Question,
  variant: QuestionVariant,
): QuestionBody | undefined {
  if (variant === 'standard') return question;
  return question.variants?.[variant];
}

/** The variants a question offers, `standard` first. */
export function variantsOf(question: Question): QuestionVariant[] {
  return QUESTION_VARIANTS.filter((variant) => questionBody(question, variant) !== undefined);
}

/**
 * A question's FHIR link id for one variant (core/fhir/case-questionnaire.ts): the question id
 * for the standard version, `{questionId}.{variant}` otherwise — a dot never occurs in a slug,
 * so it cannot collide with another question's id.
 */
export function variantLinkId(questionId: string, variant: QuestionVariant = 'standard'): string {
  return variant === 'standard' ? questionId : `${questionId}.${variant}`;
}
