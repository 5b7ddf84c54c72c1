import { z } from 'zod';

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
    SANDBOX_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  })
  .transform((env) => ({
    port: env.SANDBOX_PORT,
    publicUrl: env.SANDBOX_PUBLIC_URL ?? `http://localhost:${env.SANDBOX_PORT}`,
    appPublicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    dataDir: env.DATA_DIR,
    extraDataDir: env.SANDBOX_DATA,
    clientId: env.SANDBOX_CLIENT_ID,
    accessTokenTtlSeconds: env.SANDBOX_TOKEN_TTL_SECONDS,
  }));

export type SandboxConfig = z.output<typeof schema>;

/** Parses the sandbox's environment once; every problem is reported together. */
export function loadSandboxConfig(env: NodeJS.ProcessEnv): SandboxConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid sandbox configuration:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
