import { z } from 'zod';
import { localizedText } from '../micro-case/localized-text';
import { MEASURE_IDS } from '../measures/measure';

/**
 * Outcomes (issue 8) on the wire. Counts 1–10 never leave the server: they are sent as "<11"
 * (and the rate and interval as null), so neither dashboard nor CSV can show them.
 */
export const SUPPRESSED = '<11' as const;
export const countSchema = z.union([z.number().int().min(0), z.literal(SUPPRESSED)]);
export type Count = z.infer<typeof countSchema>;

/** A rate in one window, with its 95 % Wilson score interval (proportions 0–1). */
export const windowRateSchema = z.object({
  periodStart: z.iso.datetime(),
  periodEnd: z.iso.datetime(),
  numerator: countSchema,
  denominator: countSchema,
  rate: z.number().min(0).max(1).nullable(),
  ciLow: z.number().min(0).max(1).nullable(),
  ciHigh: z.number().min(0).max(1).nullable(),
});
export type WindowRate = z.infer<typeof windowRateSchema>;

export const measureSummarySchema = z.object({
  id: z.enum(MEASURE_IDS),
  label: localizedText(200),
  simplification: localizedText(1000),
  lowerIsBetter: z.boolean(),
  basis: z.enum(['patient', 'encounter']),
});
export type MeasureSummary = z.infer<typeof measureSummarySchema>;

/** The rate before and after one credit, for one measure the credited case serves. */
export const creditComparisonSchema = z.object({
  /** The credit (award) id in the ledger, `Basic/{id}` on the façade. */
  creditId: z.string(),
  caseId: z.string(),
  caseTitle: localizedText(300),
  creditedAt: z.iso.datetime(),
  measureId: z.enum(MEASURE_IDS),
  before: windowRateSchema,
  after: windowRateSchema,
});
export type CreditComparison = z.infer<typeof creditComparisonSchema>;

/** Where the last run read its population: how many patients, by Bulk Data or paged search. */
export const outcomePopulationSchema = z.object({
  patients: z.number().int().min(0),
  source: z.enum(['bulk', 'search']),
});
export type OutcomePopulation = z.infer<typeof outcomePopulationSchema>;

/** `GET /api/outcomes`: the signed-in clinician's own learning beside their measures. */
export const learnerOutcomesResponseSchema = z.object({
  /** When the outcomes job last computed these; null when it has not run for this clinician. */
  computedAt: z.iso.datetime().nullable(),
  /** The last run's population; null when it has not run. */
  population: outcomePopulationSchema.nullable(),
  windows: z.object({
    beforeDays: z.number().int().positive(),
    afterDays: z.number().int().positive(),
  }),
  measures: z.array(measureSummarySchema),
  comparisons: z.array(creditComparisonSchema),
});
export type LearnerOutcomesResponse = z.infer<typeof learnerOutcomesResponseSchema>;

/** One clinician's row in the CME office's report (`GET /api/admin/outcomes`). */
export const clinicianComparisonSchema = creditComparisonSchema.extend({
  tenantId: z.string(),
  /** The clinician's fhirUser, as in the ledger. */
  learner: z.string(),
  /** Display name from the profile or the Practitioner resource, when known. */
  learnerName: z.string().nullable(),
});
export type ClinicianComparison = z.infer<typeof clinicianComparisonSchema>;

export const adminOutcomesResponseSchema = z.object({
  computedAt: z.iso.datetime().nullable(),
  /** The last run's population; null when it has not run. */
  population: outcomePopulationSchema.nullable(),
  windows: z.object({
    beforeDays: z.number().int().positive(),
    afterDays: z.number().int().positive(),
  }),
  measures: z.array(measureSummarySchema),
  comparisons: z.array(clinicianComparisonSchema),
});
export type AdminOutcomesResponse = z.infer<typeof adminOutcomesResponseSchema>;
