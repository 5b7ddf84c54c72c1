import { z } from 'zod';

/** `POST /api/session`: the EHR's id_token, exchanged for an app session (DESIGN.md §3). */
export const sessionRequestSchema = z
  .object({
    iss: z.url(),
    idToken: z.string().min(20).max(20_000),
  })
  .strict();
export type SessionRequest = z.infer<typeof sessionRequestSchema>;

export const sessionResponseSchema = z.object({
  sessionToken: z.string().min(1),
  expiresAt: z.iso.datetime(),
  /** Absolute FHIR URL of the learner (the id_token's `fhirUser`, resolved against the FHIR base). */
  fhirUser: z.url(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
