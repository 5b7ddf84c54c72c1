import { z } from 'zod';
import { microCaseSchema } from '../micro-case/micro-case-schema';

/** The ValueSet fields the matcher reads (FHIR R4 ValueSet.url, title, expansion.contains). */
export const valueSetExpansionSchema = z.looseObject({
  resourceType: z.literal('ValueSet'),
  url: z.url(),
  version: z.string().optional(),
  title: z.string().optional(),
  status: z.enum(['draft', 'active', 'retired', 'unknown']),
  expansion: z.looseObject({
    contains: z
      .array(
        z.looseObject({ system: z.string(), code: z.string(), display: z.string().optional() }),
      )
      .min(1),
  }),
});

/** `GET /api/library`: every micro-case and the value sets their triggers use. */
export const libraryResponseSchema = z.object({
  cases: z.array(microCaseSchema),
  valueSets: z.array(valueSetExpansionSchema),
});
export type LibraryResponse = z.infer<typeof libraryResponseSchema>;
