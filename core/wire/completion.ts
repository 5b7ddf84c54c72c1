import { z } from 'zod';
import { questionVariantSchema } from '../micro-case/question-variants';

const fhirId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'a FHIR id');

/** `POST /api/completions`: one finished attempt at a micro-case (DESIGN.md §1, §4). */
export const completionRequestSchema = z
  .object({
    /** Made by the client when the case starts; a retry with the same id returns the same credit. */
    attemptId: z.uuid(),
    caseId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    caseVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** The launch's patient id (token response `patient`): the encounter must belong to it. */
    patient: fhirId,
    /** The triggering encounter, `Encounter/{id}`. */
    encounter: z.string().regex(/^Encounter\/[A-Za-z0-9\-.]{1,64}$/, 'Encounter/{id}'),
    /** First answer per question, in order; the server grades them. */
    answers: z
      .array(
        z
          .object({
            questionId: z.string().min(1).max(100),
            optionId: z.string().min(1).max(100),
            /** The version of the question shown (issue 9); absent means `standard`. */
            variant: questionVariantSchema.optional(),
          })
          .strict(),
      )
      .max(20),
    reflection: z
      .object({
        clinicalQuestion: z.string().max(2000),
        sourcesConsulted: z.array(z.string().min(1).max(100)).max(20),
        applicationToPractice: z.string().max(4000),
      })
      .strict(),
    startedAt: z.iso.datetime({ offset: true }),
    finishedAt: z.iso.datetime({ offset: true }),
    /** The EHR access token, used once to read the encounter; never stored or logged. */
    fhirAccessToken: z.string().min(10).max(20_000),
  })
  .strict()
  .refine((c) => Date.parse(c.startedAt) <= Date.parse(c.finishedAt), {
    error: 'finishedAt must not be before startedAt',
    path: ['finishedAt'],
  });
export type CompletionRequest = z.infer<typeof completionRequestSchema>;

export const creditSchema = z.object({
  id: z.string(),
  attemptId: z.uuid(),
  caseId: z.string(),
  caseVersion: z.string(),
  awarded: z.boolean(),
  amount: z.number(),
  creditType: z.string(),
  format: z.enum(['internet-poc', 'enduring']),
  /** Why no credit was awarded (stable codes), empty when awarded. */
  denials: z.array(z.string()),
  score: z.number(),
  recordedAt: z.iso.datetime(),
  encounter: z.object({ reference: z.string(), versionId: z.string().optional() }),
});
export type Credit = z.infer<typeof creditSchema>;

export const completionResponseSchema = z.object({
  credit: creditSchema,
  /** Compact JWS over the credit, verifiable with the app's JWKS. */
  receipt: z.string(),
});
export type CompletionResponse = z.infer<typeof completionResponseSchema>;

/** `GET /api/credits`: the learner's transcript for a period, with its total. */
export const transcriptResponseSchema = z.object({
  period: z.object({ from: z.iso.date(), to: z.iso.date() }),
  /** AMA PRA Category 1 Credit in the period. */
  total: z.number().min(0),
  /** Participation in AMA PRA activities (professions other than physicians), when any. */
  participationTotal: z.number().min(0).optional(),
  credits: z.array(creditSchema),
});
export type TranscriptResponse = z.infer<typeof transcriptResponseSchema>;
