import { z } from 'zod';

const url = z.url({ protocol: /^https?$/ });
/** An origin is scheme://host[:port] with nothing after it (CSP frame-ancestors source). */
const origin = z
  .string()
  .regex(/^https?:\/\/[^/?#\s]+$/, 'must be an origin (scheme://host[:port]) with no path');

/** A CDS Hooks client the EHR uses to call us (CDS Hooks 2.0.1 §Trusting CDS Clients). */
export const cdsClientSchema = z
  .object({
    iss: z.string().min(1),
    jku: url.optional(),
    jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).optional(),
    algorithms: z
      .array(z.enum(['ES384', 'RS384']))
      .min(1)
      .default(['ES384', 'RS384']),
    /**
     * The base URL this client signs `aud` for, when it is not PUBLIC_URL (a gateway in between):
     * the expected `aud` is then `{aud}/cds-services/{id}`.
     */
    aud: url.transform((value) => value.replace(/\/+$/, '')).optional(),
  })
  .refine((client) => client.jku !== undefined || client.jwks !== undefined, {
    error: 'a CDS client needs a jku or a jwks',
  });

export const TENANT_VENDORS = ['epic', 'oracle', 'meditech', 'smart-sandbox', 'other'] as const;
export type TenantVendor = (typeof TENANT_VENDORS)[number];

/** An EHR's environments: Epic and others issue one client id for each. */
export const TENANT_ENVIRONMENTS = ['production', 'non-production'] as const;
export type TenantEnvironment = (typeof TENANT_ENVIRONMENTS)[number];

const clientIdSchema = z.string().min(1).max(200);

/**
 * SMART Backend Services (client_credentials with a private_key_jwt assertion signed by the app's
 * key, published at /.well-known/jwks.json): the EHR registered that JWKS URL for `clientId`.
 * `tokenUrl` is read from the FHIR base's smart-configuration when not given.
 */
export const backendServicesSchema = z
  .object({
    clientId: clientIdSchema,
    scope: z
      .string()
      .min(1)
      .max(2000)
      .default(() => DEFAULT_BACKEND_SCOPE),
    algorithm: z.enum(['ES384', 'RS384']).default('ES384'),
    tokenUrl: url.optional(),
    /**
     * Other https hosts the EHR's Bulk Data export may put its files on (pre-signed links on cloud
     * storage, which Bulk Data allows). Fetched without our token; unlisted hosts are refused.
     */
    fileOrigins: z
      .array(origin.refine((value) => value.startsWith('https://'), 'must be an https origin'))
      .max(10)
      .optional(),
  })
  .strict();
export type BackendServices = z.infer<typeof backendServicesSchema>;

/** One EHR registration, as in TENANTS_FILE and the admin API (DESIGN.md §3). */
export const tenantRegistrationSchema = z.object({
  /** FHIR base URL, exactly as the EHR sends it in the launch `iss` parameter. */
  iss: url.transform((value) => value.replace(/\/+$/, '')),
  name: z.string().min(1).max(200),
  vendor: z.enum(TENANT_VENDORS).default('other'),
  clientId: clientIdSchema,
  /** Which environment of the EHR this FHIR base belongs to (optional: `production` when unset). */
  environment: z.enum(TENANT_ENVIRONMENTS).optional(),
  /** The client ids the EHR issued per environment; `clientId` is the one this FHIR base uses. */
  clientIds: z
    .object({ production: clientIdSchema.optional(), 'non-production': clientIdSchema.optional() })
    .strict()
    .optional(),
  /** Scope string requested at launch; SMART v1 or v2 syntax as the EHR registration requires. */
  scope: z.string().min(1).max(2000),
  frameOrigins: z.array(origin).default([]),
  cdsClients: z.array(cdsClientSchema).default([]),
  /** SMART Backend Services for the outcomes job (issue 8); absent: no population data is read. */
  backendServices: backendServicesSchema.optional(),
  status: z.enum(['active', 'disabled']).default('active'),
});
export type TenantRegistration = z.infer<typeof tenantRegistrationSchema>;

export const tenantsFileSchema = z.object({ tenants: z.array(tenantRegistrationSchema) });
export type TenantsFile = z.infer<typeof tenantsFileSchema>;

/** SMART v2 scopes for what the app reads at launch (least privilege: read + search only). */
export const DEFAULT_LAUNCH_SCOPE = [
  'launch',
  'openid',
  'fhirUser',
  'patient/Patient.rs',
  'patient/Encounter.rs',
  'patient/Condition.rs',
  'patient/Observation.rs',
  'patient/MedicationRequest.rs',
].join(' ');

/** SMART v2 system scopes the outcomes job reads with (read + search only). */
export const DEFAULT_BACKEND_SCOPE = [
  'system/Patient.rs',
  'system/Encounter.rs',
  'system/Condition.rs',
  'system/Observation.rs',
  'system/MedicationRequest.rs',
  'system/MedicationAdministration.rs',
  // Only to name the credited clinicians in the CME office's reports; optional.
  'system/Practitioner.rs',
].join(' ');
