import { z } from 'zod';
import { TOPIC_IDS } from '../topics';
import { localizedText } from './localized-text';
import { criterionSchema } from './trigger-schema';

const isoDate = z.iso.date();
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');
const citationRefs = z.array(slug).min(1, 'cite at least one source');

/** A guideline or paper the case teaches from. */
export const citationSchema = z
  .object({
    id: slug,
    title: z.string().min(1),
    organization: z.string().min(1),
    year: z.number().int().min(1950).max(2100),
    journal: z.string().min(1).optional(),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, 'a DOI such as 10.1097/CCM.0000000000003119')
      .optional(),
    url: z.url().optional(),
  })
  .strict()
  .refine((c) => c.doi !== undefined || c.url !== undefined, {
    error: 'a citation needs a doi or url',
  });
export type Citation = z.infer<typeof citationSchema>;

const optionSchema = z
  .object({
    id: slug,
    text: localizedText(400),
    correct: z.boolean(),
    /** Why this option is right or wrong; every option has it. */
    feedback: localizedText(1200),
    citations: citationRefs,
  })
  .strict();

const exactlyOneCorrect = (body: { options: readonly { correct: boolean }[] }): boolean =>
  body.options.filter((o) => o.correct).length === 1;
const ONE_CORRECT = 'a single-best-answer question has exactly one correct option';

/** What a question asks: a prompt and 3–5 single-best-answer options, exactly one correct. */
export const questionBodySchema = z
  .object({
    prompt: localizedText(800),
    options: z.array(optionSchema).min(3).max(5),
  })
  .strict()
  .refine(exactlyOneCorrect, { error: ONE_CORRECT });
export type QuestionBody = z.infer<typeof questionBodySchema>;

/** Single best answer: 3–5 options, exactly one correct. */
export const questionSchema = z
  .object({
    id: slug,
    /**
     * The teaching point this question tests (one FSRS review card per point). Questions that
     * test the same point, in this case or another, share an id; unset, the point is
     * `{caseId}:{questionId}` (core/learner/teaching-points.ts).
     */
    teachingPoint: slug.optional(),
    prompt: localizedText(800),
    options: z.array(optionSchema).min(3).max(5),
    /**
     * The same teaching point asked at another difficulty (issue 9); the player picks one by
     * the learner's mastery (core/learner/pick-variant.ts). A variant has no id or teaching point
     * of its own, so it cannot drift to another point; its option ids must differ from every
     * other option id of the question (library-problems), so an answer names one variant only.
     */
    variants: z
      .object({ easier: questionBodySchema.optional(), harder: questionBodySchema.optional() })
      .strict()
      .optional(),
  })
  .strict()
  .refine(exactlyOneCorrect, { error: ONE_CORRECT });
export type Question = z.infer<typeof questionSchema>;

const personSchema = z
  .object({
    name: z.string().min(1),
    role: z.string().min(1),
    /** Relevant financial relationships with ineligible companies in the prior 24 months, or "none". */
    financialRelationships: z.string().min(1),
  })
  .strict();

/** ACCME Standards for Integrity and Independence (2022): what learners are told before they start. */
export const disclosureSchema = z
  .object({
    authors: z.array(personSchema).min(1),
    /** Empty until a clinician has reviewed the content: such a case is offered, never credited. */
    reviewers: z.array(personSchema),
    mitigation: localizedText(600),
    contentValidityReviewed: isoDate,
    nextReviewDue: isoDate,
    commercialSupport: z.literal('none'),
    aiAssistance: localizedText(600),
  })
  .strict();

/** AMA PRA Category 1: internet point-of-care (0.5 per cycle) or enduring material (pass mark). */
export const creditDesignationSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('internet-poc'), amount: z.literal(0.5) }).strict(),
  z
    .object({
      format: z.literal('enduring'),
      amount: z.number().positive().multipleOf(0.25),
      /** Fraction of questions answered correctly at the first try, stated in advance. */
      passMark: z.number().gt(0).max(1),
    })
    .strict(),
]);

export const PROFESSIONS = [
  'physician',
  'physician-assistant',
  'nurse-practitioner',
  'nurse',
  'pharmacist',
] as const;

/** One micro-case: the unit of teaching, matching and credit (cases/*.json). */
export const microCaseSchema = z
  .object({
    /** Editors' hint: "./schema/micro-case.schema.json". */
    $schema: z.string().optional(),
    id: slug,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semver, e.g. 1.0.0'),
    title: localizedText(120),
    /** The CDS card summary; CDS Hooks needs < 140 characters. */
    cardSummary: localizedText(139),
    topic: z.enum(TOPIC_IDS),
    professions: z.array(z.enum(PROFESSIONS)).min(1),
    specialties: z.array(slug).min(1),
    difficulty: z.enum(['foundational', 'intermediate', 'advanced']),
    minutes: z.number().int().min(5).max(10),
    trigger: criterionSchema,
    stem: z
      .object({
        text: localizedText(1500),
        /** The launched patient's own values for these trigger criteria appear beside the stem. */
        slots: z.array(
          z.object({ criterion: z.string().min(1), label: localizedText(80) }).strict(),
        ),
      })
      .strict(),
    questions: z.array(questionSchema).min(3).max(5),
    keyPoints: z
      .array(z.object({ text: localizedText(400), citations: citationRefs }).strict())
      .min(3)
      .max(6),
    citations: z.array(citationSchema).min(1),
    qualityMeasures: z.array(
      z
        .object({ id: z.string().min(1), title: z.string().min(1), note: z.string().optional() })
        .strict(),
    ),
    /** The PoC cycle's clinical question, prefilled for the learner to edit. */
    clinicalQuestion: localizedText(300),
    credit: creditDesignationSchema,
    disclosure: disclosureSchema,
  })
  .strict();

export type MicroCase = z.infer<typeof microCaseSchema>;
export type MicroCaseInput = z.input<typeof microCaseSchema>;
