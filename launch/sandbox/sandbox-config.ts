import { z } from 'zod';
import { PANEL_SIZE } from './panel/generate-panel';
import { backendClientsEnvSchema, defaultBackendClients } from './auth/backend-clients';

/** `iss`, `aud` and the URLs built on them are compared as strings: no trailing slash. */
const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, '');

const schema = z
  .object({
    SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    SANDBOX_PUBLIC_URL: z.url().optional(),
    /** The app's external URL: its launch page and redirect URI live under it. */
    PUBLIC_URL: z.url().optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default('./data'),
    SANDBOX_DATA: z.string().min(1).optional(),
    SANDBOX_CLIENT_ID: z.string().min(1).default('chartside-sandbox'),
    /** Shown in every page's top bar, to tell a second sandbox EHR from the first. */
    SANDBOX_NAME: z.string().trim().min(1).max(80).default('Sandbox EHR'),
    SANDBOX_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
    /** The CDS Hooks discovery endpoint the chart calls; the app's by default. */
    SANDBOX_CDS_SERVICES_URL: z.url().optional(),
    SANDBOX_CDS_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(2000),
    /** Generated patients per clinician (launch/sandbox/panel); 0 = no panel. */
    SANDBOX_PANEL_SIZE: z.coerce
      .number()
      .int()
      .max(PANEL_SIZE.max)
      .refine(
        (n) => n === 0 || n >= PANEL_SIZE.min,
        `0 (no panel) or ${PANEL_SIZE.min}–${PANEL_SIZE.max}`,
      )
      .default(300),
    SANDBOX_PANEL_SEED: z.coerce.number().int().min(0).max(0xffff_ffff).default(1),
    /** JSON array of SMART Backend Services clients; the app's `chartside-backend` by default. */
    SANDBOX_BACKEND_CLIENTS: backendClientsEnvSchema.optional(),
    /** Bulk $export: how long a job pretends to work, and the most resources per NDJSON file. */
    SANDBOX_EXPORT_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(250),
    SANDBOX_EXPORT_FILE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  })
  .transform((env) => {
    const appPublicUrl = withoutTrailingSlash(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`);
    return {
      port: env.SANDBOX_PORT,
      publicUrl: withoutTrailingSlash(
        env.SANDBOX_PUBLIC_URL ?? `http://localhost:${env.SANDBOX_PORT}`,
      ),
      appPublicUrl,
      dataDir: env.DATA_DIR,
      extraDataDir: env.SANDBOX_DATA,
      clientId: env.SANDBOX_CLIENT_ID,
      name: env.SANDBOX_NAME,
      accessTokenTtlSeconds: env.SANDBOX_TOKEN_TTL_SECONDS,
      cdsServicesUrl: withoutTrailingSlash(
        env.SANDBOX_CDS_SERVICES_URL ?? `${appPublicUrl}/cds-services`,
      ),
      cdsTimeoutMs: env.SANDBOX_CDS_TIMEOUT_MS,
      panelSize: env.SANDBOX_PANEL_SIZE,
      panelSeed: env.SANDBOX_PANEL_SEED,
      backendClients: env.SANDBOX_BACKEND_CLIENTS ?? defaultBackendClients(appPublicUrl),
      exportDelayMs: env.SANDBOX_EXPORT_DELAY_MS,
      exportFileLimit: env.SANDBOX_EXPORT_FILE_LIMIT,
    };
  });

export type SandboxConfig = z.output<typeof schema>;

/** Parses the sandbox's environment once; every problem is reported together. */
export function loadSandboxConfig(env: NodeJS.ProcessEnv): SandboxConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid sandbox configuration:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
