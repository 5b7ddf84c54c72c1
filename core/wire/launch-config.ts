import { z } from 'zod';

/** `GET /api/launch-config?iss=` → what the launch page passes to fhirclient's authorize(). */
export const launchConfigSchema = z.object({
  iss: z.string(),
  clientId: z.string().min(1),
  scope: z.string().min(1),
  redirectUri: z.url(),
});
export type LaunchConfig = z.infer<typeof launchConfigSchema>;
