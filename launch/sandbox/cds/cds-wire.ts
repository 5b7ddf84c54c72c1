import { z } from 'zod';

/*
 * What the sandbox, as a CDS client, accepts from any CDS service (CDS Hooks 2.0.1). core/cds-hooks
 * holds what Chartside itself sends, strictly; a client reads leniently instead: unknown fields
 * (extensions, suggestions) pass, and a card that does not parse is dropped on its own. Links
 * and source URLs are checked more tightly than core does, since they become hrefs in the chart.
 */

/** CDS Hooks 2.0.1 §Discovery: one entry of `services`. */
export const cdsServiceSchema = z.looseObject({
  id: z.string().min(1),
  hook: z.string().min(1),
  title: z.string().optional(),
  description: z.string(),
  prefetch: z.record(z.string(), z.string()).optional(),
});
export type CdsService = z.infer<typeof cdsServiceSchema>;

/** CDS Hooks 2.0.1 §Discovery response. */
export const cdsDiscoverySchema = z.looseObject({ services: z.array(cdsServiceSchema) });

/** Links and source URLs end up in the chart as hrefs: web URLs only, never `javascript:`. */
const webUrl = z.url({ protocol: /^https?$/ });

const codingSchema = z.looseObject({
  code: z.string().min(1),
  system: z.string().optional(),
  display: z.string().optional(),
});

/** CDS Hooks 2.0.1 §Link. */
export const cdsLinkSchema = z.looseObject({
  label: z.string().min(1),
  url: webUrl,
  type: z.enum(['absolute', 'smart']),
  appContext: z.string().optional(),
});
export type CdsLink = z.infer<typeof cdsLinkSchema>;

/** CDS Hooks 2.0.1 §Card attributes. */
export const cdsCardSchema = z.looseObject({
  uuid: z.string().min(1).optional(),
  summary: z.string().min(1).max(140),
  detail: z.string().optional(),
  indicator: z.enum(['info', 'warning', 'critical']),
  source: z.looseObject({
    label: z.string().min(1),
    url: webUrl.optional(),
    topic: codingSchema.optional(),
  }),
  overrideReasons: z.array(codingSchema).optional(),
  links: z.array(cdsLinkSchema).optional(),
});
export type CdsCard = z.infer<typeof cdsCardSchema>;
export type CdsCoding = z.infer<typeof codingSchema>;

/** CDS Hooks 2.0.1 §HTTP Response: cards checked one by one, see `parseCards`. */
export const cdsResponseSchema = z.looseObject({ cards: z.array(z.unknown()) });

/** The cards of a service response that parse, and how many did not. */
export function parseCards(body: unknown): { cards: CdsCard[]; dropped: number } | undefined {
  const response = cdsResponseSchema.safeParse(body);
  if (!response.success) return undefined;
  const cards: CdsCard[] = [];
  for (const candidate of response.data.cards) {
    const card = cdsCardSchema.safeParse(candidate);
    if (card.success) cards.push(card.data);
  }
  return { cards, dropped: response.data.cards.length - cards.length };
}
