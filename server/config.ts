import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parsColumnsSchema } from './admin/pars-columns';

const APP_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

const port = z.coerce.number().int().min(0).max(65535);
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
/** A file holding a secret (a mounted key), read once at start. */
const secretFile = z
  .string()
  .min(1)
  .transform((path, ctx) => {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      ctx.issues.push({ code: 'custom', message: `cannot be read: ${path}`, input: path });
      return z.NEVER;
    }
  })
  .optional();

function optionalEntry<K extends string>(
  key: K,
  value: string | undefined,
): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

const schema = z
  .object({
    PORT: port.default(3000),
    PUBLIC_URL: optionalUrl,
    DATA_DIR: z.string().min(1).default('./data'),
    /** PostgreSQL for the store (`postgres://…`); without it, SQLite in DATA_DIR. */
    DATABASE_URL: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^postgres(ql)?:\/\/\S+$/, {
          error:
            'DATABASE_URL must be a PostgreSQL URL (postgres://user@host:5432/db); unset it to use SQLite in DATA_DIR',
        })
        .optional(),
    ),
    TENANTS_FILE: z.string().min(1).optional(),
    /** The app's private signing key as a JWK (EC P-256); without it one is generated in DATA_DIR. */
    APP_SIGNING_KEY: z.string().min(1).optional(),
    /** A file holding that JWK instead (a mounted secret); APP_SIGNING_KEY wins when both are set. */
    APP_SIGNING_KEY_FILE: secretFile,
    /**
     * Backend Services client-assertion keys (private JWKs with a kid: EC P-384, RSA ≥ 2048 bits),
     * published in the app's JWKS; generated in DATA_DIR only when APP_SIGNING_KEY is not set.
     */
    APP_CLIENT_KEY_ES384: z.string().min(1).optional(),
    APP_CLIENT_KEY_ES384_FILE: secretFile,
    APP_CLIENT_KEY_RS384: z.string().min(1).optional(),
    APP_CLIENT_KEY_RS384_FILE: secretFile,
    /** `production` refuses http:// FHIR bases when tenants are added. */
    NODE_ENV: z.string().optional(),
    /** Set by `npm start`: registers the local sandbox EHR found at this URL as a tenant. */
    SANDBOX_PUBLIC_URL: optionalUrl,
    SANDBOX_CLIENT_ID: z.string().min(1).default('chartside-sandbox'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    WEB_DIR: z.string().min(1).default('./dist/web'),
    CREDIT_YEARLY_CAP: z.coerce.number().positive().default(20),
    /** `allow` only in sandboxes: credit cases no clinician has reviewed yet. */
    CREDIT_UNREVIEWED_CONTENT: z.enum(['deny', 'allow']).default('deny'),
    PROVIDER_NAME: z.string().min(1).default('Chartside CME provider (not configured)'),
    CASES_DIR: z.string().min(1).default('./cases'),
    VALUE_SETS_DIR: z.string().min(1).default('./fhir-profiles/valuesets'),
    /** Bearer token of the admin API; no default: without it the admin API is off. */
    ADMIN_TOKEN: z.string().min(32, 'at least 32 characters').optional(),
    /** The PARS export's columns as JSON `{"field": "Header"}` (server/admin/pars-columns.ts). */
    PARS_COLUMNS: parsColumnsSchema,
    /** The outcomes job's windows around each credit, in days. */
    OUTCOMES_BEFORE_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    OUTCOMES_AFTER_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    /** How often the server runs the outcomes job; 0 turns the schedule off. */
    OUTCOMES_REFRESH_MINUTES: z.coerce.number().int().min(0).max(525_600).default(1440),
    /** The first scheduled run, this long after start. */
    OUTCOMES_FIRST_RUN_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
    /** `off` leaves the sandbox panel's demo credits out (server/outcomes/demo-credits.ts). */
    SANDBOX_DEMO_CREDITS: z.enum(['on', 'off']).default('on'),
    /** Browser origins allowed to call /cds-services (CORS), comma-separated; the sandbox's is added. */
    CDS_ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim().replace(/\/+$/, ''))
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^https?:\/\/[^/?#\s]+$/, 'origins (scheme://host[:port])'))),
  })
  .transform((env) => ({
    port: env.PORT,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    /** Where the store lives, as `openDatabase` takes it. */
    database:
      env.DATABASE_URL === undefined ? { dataDir: env.DATA_DIR } : { url: env.DATABASE_URL },
    tenantsFile: env.TENANTS_FILE,
    signingKey: env.APP_SIGNING_KEY ?? env.APP_SIGNING_KEY_FILE,
    clientAssertionKeys: {
      ...optionalEntry('ES384', env.APP_CLIENT_KEY_ES384 ?? env.APP_CLIENT_KEY_ES384_FILE),
      ...optionalEntry('RS384', env.APP_CLIENT_KEY_RS384 ?? env.APP_CLIENT_KEY_RS384_FILE),
    },
    production: env.NODE_ENV === 'production',
    sandbox:
      env.SANDBOX_PUBLIC_URL === undefined
        ? undefined
        : {
            publicUrl: env.SANDBOX_PUBLIC_URL.replace(/\/+$/, ''),
            clientId: env.SANDBOX_CLIENT_ID,
          },
    logLevel: env.LOG_LEVEL,
    webDir: env.WEB_DIR,
    library: { casesDir: env.CASES_DIR, valueSetsDir: env.VALUE_SETS_DIR },
    adminToken: env.ADMIN_TOKEN,
    parsColumns: env.PARS_COLUMNS,
    cdsHooks: {
      allowedOrigins: [
        ...env.CDS_ALLOWED_ORIGINS,
        ...(env.SANDBOX_PUBLIC_URL === undefined ? [] : [new URL(env.SANDBOX_PUBLIC_URL).origin]),
      ],
    },
    outcomes: {
      windows: { beforeDays: env.OUTCOMES_BEFORE_DAYS, afterDays: env.OUTCOMES_AFTER_DAYS },
      refreshMinutes: env.OUTCOMES_REFRESH_MINUTES,
      firstRunSeconds: env.OUTCOMES_FIRST_RUN_SECONDS,
    },
    sandboxDemoCredits: env.SANDBOX_DEMO_CREDITS === 'on',
    credit: {
      yearlyCap: env.CREDIT_YEARLY_CAP,
      allowUnreviewedContent: env.CREDIT_UNREVIEWED_CONTENT === 'allow',
      appVersion: APP_VERSION,
      provider: { reference: 'Organization/chartside-provider', display: env.PROVIDER_NAME },
    },
  }));

export type AppConfig = z.output<typeof schema>;

/** Parses the environment once; every problem is reported together, secrets have no default. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
