import { z } from 'zod';
import { localizedText } from './localized-text';

/** Canonical URL of a FHIR ValueSet in fhir-profiles/valuesets (optionally `|version`). */
const valueSetUrl = z.string().regex(/^https?:\/\/\S+$/, 'must be a ValueSet canonical URL');
/** Criterion ids name the evidence a stem slot or reason refers to. */
const criterionId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes');

/** A look-back window, e.g. `{ "hours": 48 }`. */
export const durationSchema = z
  .object({
    hours: z.number().positive().optional(),
    days: z.number().positive().optional(),
  })
  .strict()
  .refine((d) => d.hours !== undefined || d.days !== undefined, { error: 'hours or days' });
export type Duration = z.infer<typeof durationSchema>;

export const COMPARATORS = ['>=', '>', '<=', '<', '='] as const;
export type Comparator = (typeof COMPARATORS)[number];

const conditionCriterion = z
  .object({
    kind: z.literal('condition'),
    id: criterionId,
    valueSet: valueSetUrl,
    /** Onset or recorded date no older than this; absent = any time while active. */
    onsetWithin: durationSchema.optional(),
  })
  .strict();

const observationCriterion = z
  .object({
    kind: z.literal('observation'),
    id: criterionId,
    valueSet: valueSetUrl,
    /** Only observations effective within this window count. */
    within: durationSchema,
    /** `latest`: the newest value must satisfy the test; `any`: one value in the window will do. */
    which: z.enum(['latest', 'any']).default('latest'),
    comparator: z.enum(COMPARATORS).optional(),
    value: z.number().optional(),
    /** UCUM unit of `value`; results in other units are converted (or ignored if they cannot be). */
    unit: z.string().min(1).optional(),
    /** g/mol, to convert between mass and molar concentrations (creatinine 113.12). */
    molarMass: z.number().positive().optional(),
    /** For panels (blood pressure): the component whose value is tested, by LOINC code. */
    component: z.string().optional(),
  })
  .strict()
  .refine((c) => (c.comparator === undefined) === (c.value === undefined), {
    error: 'comparator and value go together',
  })
  .refine((c) => c.value === undefined || c.unit !== undefined, {
    error: 'a value needs its unit',
  });

const trendCriterion = z
  .object({
    kind: z.literal('trend'),
    id: criterionId,
    valueSet: valueSetUrl,
    within: durationSchema,
    unit: z.string().min(1),
    molarMass: z.number().positive().optional(),
    /** Rise from the lowest earlier value in the window to a later one, in `unit`. */
    riseAtLeast: z.number().positive().optional(),
    /** Or: a later value at least this multiple of the lowest earlier one (1.5 = 50 % rise). */
    ratioAtLeast: z.number().gt(1).optional(),
  })
  .strict()
  .refine((t) => t.riseAtLeast !== undefined || t.ratioAtLeast !== undefined, {
    error: 'riseAtLeast or ratioAtLeast',
  });

const medicationCriterion = z
  .object({
    kind: z.literal('medication'),
    id: criterionId,
    valueSet: valueSetUrl,
    /** true: an active order from the value set exists; false: none does. */
    present: z.boolean(),
    /** What is missing, for the reason shown when `present` is false ("an anticoagulant"). */
    absentLabel: localizedText(80).optional(),
    /** With present: only orders authored within this window count (a *new* opioid). */
    authoredWithin: durationSchema.optional(),
  })
  .strict();

const encounterClassCriterion = z
  .object({
    kind: z.literal('encounter-class'),
    id: criterionId,
    /** v3 ActCode values: EMER, IMP, AMB, ACUTE, OBSENC… */
    classes: z.array(z.string().min(1)).min(1),
  })
  .strict();

const ageCriterion = z
  .object({
    kind: z.literal('age'),
    id: criterionId,
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
  })
  .strict();

const sexCriterion = z
  .object({ kind: z.literal('sex'), id: criterionId, is: z.enum(['male', 'female']) })
  .strict();

const fhirPathCriterion = z
  .object({
    kind: z.literal('fhirpath'),
    id: criterionId,
    /** Evaluated against a Bundle of the patient's resources; true (or a non-empty result) matches. */
    expression: z.string().min(1),
    /** What the expression means, shown as the reason when it matches. */
    description: localizedText(200),
  })
  .strict();

export type Criterion =
  | z.infer<typeof conditionCriterion>
  | z.infer<typeof observationCriterion>
  | z.infer<typeof trendCriterion>
  | z.infer<typeof medicationCriterion>
  | z.infer<typeof encounterClassCriterion>
  | z.infer<typeof ageCriterion>
  | z.infer<typeof sexCriterion>
  | z.infer<typeof fhirPathCriterion>
  | { kind: 'all'; of: Criterion[] }
  | { kind: 'any'; of: Criterion[] }
  | { kind: 'not'; criterion: Criterion };

/** Declarative trigger criteria over the patient in context (see docs in cases/README.md). */
export const criterionSchema: z.ZodType<Criterion> = z.lazy(() =>
  z.union([
    conditionCriterion,
    observationCriterion,
    trendCriterion,
    medicationCriterion,
    encounterClassCriterion,
    ageCriterion,
    sexCriterion,
    fhirPathCriterion,
    z.object({ kind: z.literal('all'), of: z.array(criterionSchema).min(1) }).strict(),
    z.object({ kind: z.literal('any'), of: z.array(criterionSchema).min(1) }).strict(),
    z.object({ kind: z.literal('not'), criterion: criterionSchema }).strict(),
  ]),
);
