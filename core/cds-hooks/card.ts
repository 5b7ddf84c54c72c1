import { z } from 'zod';

/** CDS Hooks 2.0.1 §Coding: optional fields are omitted, never null or empty. */
export const cdsCodingSchema = z
  .object({
    code: z.string().min(1),
    system: z.string().min(1).optional(),
    display: z.string().min(1).optional(),
  })
  .strict();
export type CdsCoding = z.infer<typeof cdsCodingSchema>;

/** An override reason must carry `display` (CDS Hooks 2.0.1 §Reasons for rejecting a card). */
const overrideReasonSchema = cdsCodingSchema.extend({ display: z.string().min(1) }).strict();

const linkBase = {
  label: z.string().min(1),
  url: z.url(),
  autolaunchable: z.boolean().optional(),
};

/** CDS Hooks 2.0.1 §Link: `appContext` is valid on `smart` links only. */
export const cdsLinkSchema = z.discriminatedUnion('type', [
  z.object({ ...linkBase, type: z.literal('absolute') }).strict(),
  z
    .object({ ...linkBase, type: z.literal('smart'), appContext: z.string().min(1).optional() })
    .strict(),
]);
export type CdsLink = z.infer<typeof cdsLinkSchema>;

/**
 * CDS Hooks 2.0.1 §Card Attributes, as Chartside sends them: the summary stays under 140
 * characters, and every card has a `uuid` (without one the EHR cannot send feedback).
 */
export const cdsCardSchema = z
  .object({
    uuid: z.uuid(),
    summary: z.string().min(1).max(139),
    detail: z.string().min(1).optional(),
    indicator: z.enum(['info', 'warning', 'critical']),
    source: z
      .object({
        label: z.string().min(1),
        url: z.url().optional(),
        icon: z.url().optional(),
        topic: cdsCodingSchema.optional(),
      })
      .strict(),
    overrideReasons: z.array(overrideReasonSchema).min(1).optional(),
    links: z.array(cdsLinkSchema).min(1).optional(),
  })
  .strict();
export type CdsCard = z.infer<typeof cdsCardSchema>;

/** CDS Hooks 2.0.1 §CDS Service Response (Chartside proposes no system actions). */
export const cdsServiceResponseSchema = z.object({ cards: z.array(cdsCardSchema) }).strict();
export type CdsServiceResponse = z.infer<typeof cdsServiceResponseSchema>;

/**
 * The `appContext` string of a card's SMART link, parsed by the app after launch: which case to
 * open and which card and hook call it came from.
 */
export const cardAppContextSchema = z
  .object({
    caseId: z.string().min(1),
    version: z.string().min(1),
    hookInstance: z.string().min(1),
    cardUuid: z.uuid(),
    /** A refresher card's teaching point (issue 9): the app opens that refresher, not the case. */
    review: z.string().min(1).optional(),
  })
  .strict();
export type CardAppContext = z.infer<typeof cardAppContextSchema>;
