import { z } from 'zod';

/** A SMART v2 (or v1) system-level resource scope without a query suffix. */
const SYSTEM_SCOPE = /^system\/(\*|[A-Z][A-Za-z]+)\.(\*|read|write|c?r?u?d?s?)$/;

const systemScopeList = z
  .string()
  .trim()
  .min(1)
  .refine((value) => value.split(/\s+/).every((scope) => SYSTEM_SCOPE.test(scope)), {
    error: 'scope must list system/<Type>.<permissions> scopes separated by spaces',
  });

const jwkSchema = z.looseObject({ kty: z.string().min(1), kid: z.string().min(1) });

/** One client registered for SMART Backend Services (SMART App Launch 2.2 §Backend Services). */
export const backendClientSchema = z
  .object({
    clientId: z.string().min(1).max(200),
    /** Where the client publishes its public keys; fetched over HTTP(S) and cached. */
    jwksUri: z.url({ protocol: /^https?$/ }).optional(),
    /** Keys registered inline instead of a JWKS URL. */
    jwks: z.object({ keys: z.array(jwkSchema).min(1) }).optional(),
    /** The most this client may be granted: system scopes, space-separated. */
    scope: systemScopeList,
  })
  .strict()
  .refine((client) => (client.jwksUri === undefined) !== (client.jwks === undefined), {
    error: 'a backend client needs exactly one of jwksUri or jwks',
  });

export type BackendClient = z.infer<typeof backendClientSchema>;

/** `SANDBOX_BACKEND_CLIENTS`: a JSON array of backend clients with distinct client ids. */
export const backendClientsEnvSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of backend clients' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(backendClientSchema)
      .refine((clients) => new Set(clients.map((c) => c.clientId)).size === clients.length, {
        error: 'client ids must be distinct',
      }),
  );

/** What the outcomes job reads (core/tenant.ts DEFAULT_BACKEND_SCOPE) plus Group for $export. */
export const DEFAULT_BACKEND_CLIENT_SCOPE = [
  'system/Patient.rs',
  'system/Encounter.rs',
  'system/Condition.rs',
  'system/Observation.rs',
  'system/MedicationRequest.rs',
  'system/MedicationAdministration.rs',
  'system/Practitioner.rs',
  'system/Group.rs',
].join(' ');

/** The app's backend client, keyed by the JWKS the app publishes (DESIGN.md §3 endpoints). */
export function defaultBackendClients(appPublicUrl: string): BackendClient[] {
  return [
    {
      clientId: 'chartside-backend',
      jwksUri: `${appPublicUrl}/.well-known/jwks.json`,
      scope: DEFAULT_BACKEND_CLIENT_SCOPE,
    },
  ];
}

interface ParsedScope {
  type: string;
  /** Permission letters in SMART v2 order (c r u d s). */
  permissions: string;
}

/** SMART v2 permission letters, in the order scopes spell them. */
const ORDER = ['c', 'r', 'u', 'd', 's'] as const;

function parseSystemScope(scope: string): ParsedScope | undefined {
  const match = SYSTEM_SCOPE.exec(scope);
  if (!match) return undefined;
  const [, type, letters] = match as unknown as [string, string, string];
  const permissions =
    letters === '*'
      ? ORDER.join('')
      : letters === 'read'
        ? 'rs'
        : letters === 'write'
          ? 'cud'
          : letters;
  return permissions === '' ? undefined : { type, permissions };
}

/**
 * The scopes granted to a backend client: each requested system scope narrowed to what one of
 * the client's allowed scopes covers (type and permissions intersected), in SMART v2 syntax.
 * An EHR may grant fewer than requested (SMART App Launch 2.2 §Backend Services, scope).
 * Query-restricted scopes (`?category=…`) are never granted: the FHIR API would not enforce them.
 */
export function grantBackendScopes(requested: readonly string[], allowed: string): string[] {
  const allowedScopes = allowed
    .split(/\s+/)
    .map(parseSystemScope)
    .filter((scope) => scope !== undefined);
  const granted = new Set<string>();
  for (const scope of requested) {
    const asked = parseSystemScope(scope);
    if (!asked) continue;
    for (const allow of allowedScopes) {
      const type =
        asked.type === '*'
          ? allow.type
          : allow.type === '*' || allow.type === asked.type
            ? asked.type
            : undefined;
      const permissions = ORDER.filter(
        (p) => asked.permissions.includes(p) && allow.permissions.includes(p),
      ).join('');
      if (type !== undefined && permissions !== '') granted.add(`system/${type}.${permissions}`);
    }
  }
  return [...granted];
}
