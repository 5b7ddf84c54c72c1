import { z } from 'zod';

/** One service in the discovery response (CDS Hooks 2.0.1 §Discovery, Response). */
export const cdsServiceSchema = z
  .object({
    hook: z.string().min(1),
    title: z.string().min(1).optional(),
    description: z.string().min(1),
    id: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a URL path segment'),
    /** Prefetch templates by key (CDS Hooks 2.0.1 §Prefetch Template). */
    prefetch: z.record(z.string().min(1), z.string().min(1)).optional(),
    usageRequirements: z.string().min(1).optional(),
  })
  .strict();
export type CdsService = z.infer<typeof cdsServiceSchema>;

/** `GET {baseUrl}/cds-services` (CDS Hooks 2.0.1 §Discovery). */
export const cdsDiscoverySchema = z.object({ services: z.array(cdsServiceSchema) }).strict();
export type CdsDiscovery = z.infer<typeof cdsDiscoverySchema>;
