import { z } from 'zod';
import { questionVariantSchema } from '../../core/micro-case/question-variants';

/**
 * One finished micro-case, as the learner documented it: the body a later version submits to
 * `POST /api/completions` (then this schema moves to core/wire). The attempt id, made when the
 * case starts, is the idempotency key (DESIGN.md §4: a retry returns the same credit). No
 * patient identifier: the encounter id is enough for the server to verify the encounter.
 */
export const finishedAttemptSchema = z.object({
  attemptId: z.uuid(),
  caseId: z.string().min(1),
  caseVersion: z.string().min(1),
  encounterId: z.string().min(1).optional(),
  /** How the case was opened: the app's suggestion, a CDS Hooks card, or the library list. */
  openedFrom: z.enum(['suggestion', 'card', 'browse']),
  /** Trigger criteria of this patient's chart that matched, by id (the "why" of the suggestion). */
  matchedCriteria: z.array(z.string()),
  language: z.string().min(1),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  /** One answer per question, checked once: `correct` is correct at the first try. */
  answers: z.array(
    z.object({
      questionId: z.string(),
      optionId: z.string(),
      correct: z.boolean(),
      /** The version of the question shown (issue 9); attempts stored before variants have none. */
      variant: questionVariantSchema.optional(),
    }),
  ),
  /** AMA PRA internet point-of-care cycle: question, sources consulted, application to practice. */
  reflection: z.object({
    clinicalQuestion: z.string().trim().min(1),
    sourcesConsulted: z.array(z.string()).min(1),
    applicationToPractice: z.string().trim().min(1),
  }),
});
export type FinishedAttempt = z.infer<typeof finishedAttemptSchema>;
