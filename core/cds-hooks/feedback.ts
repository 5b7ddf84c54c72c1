import { z } from 'zod';
import { cdsCodingSchema } from './card';

/**
 * CDS Hooks 2.0.1 §Feedback: one user action on a card. Reasons may arrive without `display`
 * (the EHR may add its own), and an `accepted` card that had no suggestions carries none.
 */
export const cdsFeedbackEntrySchema = z.object({
  card: z.string().min(1).max(200),
  outcome: z.enum(['accepted', 'overridden']),
  acceptedSuggestions: z.array(z.object({ id: z.string().min(1) })).optional(),
  overrideReason: z
    .object({
      reason: cdsCodingSchema.optional(),
      userComment: z.string().max(2000).optional(),
    })
    .optional(),
  outcomeTimestamp: z.iso.datetime({ offset: true }),
});
export type CdsFeedbackEntry = z.infer<typeof cdsFeedbackEntrySchema>;

/** `POST {baseUrl}/cds-services/{id}/feedback` body (CDS Hooks 2.0.1 §Feedback). */
export const cdsFeedbackSchema = z.object({
  feedback: z.array(cdsFeedbackEntrySchema).min(1).max(100),
});
export type CdsFeedback = z.infer<typeof cdsFeedbackSchema>;

/** `GET /api/admin/cds-feedback`: how clinicians answered each case's cards, for one EHR. */
export const cdsFeedbackRatesSchema = z.object({
  tenant: z.string().min(1),
  since: z.iso.datetime(),
  cases: z.array(
    z.object({
      caseId: z.string().min(1),
      issued: z.number().int().nonnegative(),
      accepted: z.number().int().nonnegative(),
      dismissed: z.number().int().nonnegative(),
      acceptanceRate: z.number().min(0).max(1),
      dismissalRate: z.number().min(0).max(1),
    }),
  ),
});
export type CdsFeedbackRates = z.infer<typeof cdsFeedbackRatesSchema>;
