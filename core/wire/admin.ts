import { z } from 'zod';
import {
  DEFAULT_LAUNCH_SCOPE,
  TENANT_ENVIRONMENTS,
  TENANT_VENDORS,
  tenantRegistrationSchema,
} from '../tenant';

/*
 * The admin API (DESIGN.md §3), all under `/api/admin` with `Authorization: Bearer $ADMIN_TOKEN`
 * (404 when ADMIN_TOKEN is unset, 401 when the token is wrong). An optional
 * `X-Admin-Actor: <name>` header names the person in the audit log (`api:<name>`).
 *
 *   GET    /tenants                          → AdminTenantList
 *   POST   /tenants            TenantCreate  → 201 TenantSaved (discovery fetched, warnings)
 *   GET    /tenants/{id}                     → AdminTenant
 *   PATCH  /tenants/{id}       TenantUpdate  → TenantSaved
 *   POST   /tenants/{id}/disable | /enable   → TenantSaved
 *   GET    /tenants/{id}/registration-sheet  → RegistrationSheet
 *   POST   /tenants/{id}/test-launch         → TestLaunch
 *   GET    /smart-configuration?iss=         → SmartInspection (nothing saved)
 *   GET    /audit?tenantId=&limit=           → AuditLog
 *   GET    /credits?period=month&from=&to=   → CreditsPerPeriod
 *   GET    /cds-feedback?iss=&days=          → CdsFeedbackRates (core/cds-hooks/feedback.ts)
 *   GET    /reports/pars?from=&to=&format=   → CSV or TSV file, ParsSummary in its headers
 *   GET    /outcomes?tenant=&measure=        → AdminOutcomesResponse (core/wire/outcomes.ts)
 *   GET    /reports/outcomes.csv?tenant=&measure= → the same rows as a CSV file
 */

const registration = tenantRegistrationSchema.shape;

/** What `{iss}/.well-known/smart-configuration` said when the tenant was added or rediscovered. */
export const smartDiscoverySchema = z.object({
  fetchedAt: z.iso.datetime(),
  issuer: z.string().optional(),
  jwksUri: z.string().optional(),
  authorizationEndpoint: z.string(),
  tokenEndpoint: z.string(),
  capabilities: z.array(z.string()),
  /** Absent when the EHR does not publish `scopes_supported` (then scopes are not checked). */
  scopesSupported: z.array(z.string()).optional(),
  codeChallengeMethods: z.array(z.string()),
});
export type SmartDiscovery = z.infer<typeof smartDiscoverySchema>;

export const DISCOVERY_WARNING_CODES = [
  'NO_PKCE_S256',
  'NO_OPENID',
  'NO_FHIR_USER',
  'NO_LAUNCH_EHR',
  'NO_ENCOUNTER_CONTEXT',
  'NO_CLIENT_PUBLIC',
  'NO_ISSUER_OR_JWKS',
  'NO_SCOPES_SUPPORTED',
  'SCOPE_VERSION',
] as const;

/** Something the EHR's discovery lacks that will stop or weaken launches; saving still happens. */
export const discoveryWarningSchema = z.object({
  code: z.enum(DISCOVERY_WARNING_CODES),
  message: z.string(),
});
export type DiscoveryWarning = z.infer<typeof discoveryWarningSchema>;

/** A tenant as the admin API shows it. */
export const adminTenantSchema = tenantRegistrationSchema.extend({
  id: z.string().min(1),
  environment: z.enum(TENANT_ENVIRONMENTS),
  discovery: smartDiscoverySchema.optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AdminTenant = z.infer<typeof adminTenantSchema>;

/** `GET /api/admin/tenants`: each with what its stored discovery warns about (none before one). */
export const adminTenantListSchema = z.object({
  tenants: z.array(adminTenantSchema.extend({ warnings: z.array(discoveryWarningSchema) })),
});
export type AdminTenantList = z.infer<typeof adminTenantListSchema>;

/**
 * `POST /api/admin/tenants`: a new EHR by its FHIR base. `clientId` may be left out when
 * `clientIds` names one for `environment`; `scope` defaults to the app's least-privilege scope.
 */
export const tenantCreateSchema = tenantRegistrationSchema
  .extend({
    clientId: tenantRegistrationSchema.shape.clientId.optional(),
    scope: tenantRegistrationSchema.shape.scope.default(DEFAULT_LAUNCH_SCOPE),
  })
  .strict();
export type TenantCreate = z.input<typeof tenantCreateSchema>;

/**
 * `PATCH /api/admin/tenants/{id}`: the fields to change. `iss` never changes (register the new
 * FHIR base as a tenant of its own); `rediscover` fetches the smart-configuration again.
 */
export const tenantUpdateSchema = z
  .object({
    name: registration.name.optional(),
    // Without their defaults: a field left out keeps its value.
    vendor: registration.vendor.unwrap().optional(),
    environment: registration.environment,
    clientId: registration.clientId.optional(),
    clientIds: registration.clientIds,
    scope: registration.scope.optional(),
    frameOrigins: registration.frameOrigins.unwrap().optional(),
    cdsClients: registration.cdsClients.unwrap().optional(),
    /** `null` removes the Backend Services registration: the outcomes job then reads nothing. */
    backendServices: registration.backendServices.unwrap().nullable().optional(),
    status: registration.status.unwrap().optional(),
    rediscover: z.boolean().optional(),
  })
  .strict();
export type TenantUpdate = z.input<typeof tenantUpdateSchema>;

export const tenantSavedSchema = z.object({
  tenant: adminTenantSchema,
  warnings: z.array(discoveryWarningSchema),
});
export type TenantSaved = z.infer<typeof tenantSavedSchema>;

/** `GET /api/admin/smart-configuration?iss=`: what adding this FHIR base would find. */
export const smartInspectionSchema = z.object({
  iss: z.string(),
  discovery: smartDiscoverySchema,
  warnings: z.array(discoveryWarningSchema),
});
export type SmartInspection = z.infer<typeof smartInspectionSchema>;

/** One line of a registration sheet: what the EHR's portal asks, and what to paste there. */
export const registrationFieldSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  value: z.string(),
  note: z.string().optional(),
});
export type RegistrationField = z.infer<typeof registrationFieldSchema>;

/** `GET /api/admin/tenants/{id}/registration-sheet`: everything the vendor's portal asks for. */
export const registrationSheetSchema = z.object({
  tenantId: z.string().min(1),
  vendor: z.enum(TENANT_VENDORS),
  title: z.string().min(1),
  fields: z.array(registrationFieldSchema),
  steps: z.array(z.string()),
});
export type RegistrationSheet = z.infer<typeof registrationSheetSchema>;

/** `POST /api/admin/tenants/{id}/test-launch`: each check the server could make by itself. */
export const testLaunchSchema = z.object({
  ok: z.boolean(),
  checks: z.array(
    z.object({
      id: z.enum(['status', 'discovery', 'jwks', 'scopes', 'authorize']),
      label: z.string(),
      ok: z.boolean(),
      detail: z.string(),
    }),
  ),
  /** Open this in a browser to finish a standalone launch against the tenant. */
  launchUrl: z.url(),
});
export type TestLaunch = z.infer<typeof testLaunchSchema>;

export const AUDIT_ACTIONS = [
  'tenant.created',
  'tenant.updated',
  'tenant.disabled',
  'tenant.enabled',
  'report.exported',
] as const;

/** One change to a registration: who (`api:<name>`, `cli:<user>`), when, what changed. */
export const auditEntrySchema = z.object({
  id: z.string().min(1),
  at: z.iso.datetime(),
  actor: z.string().min(1),
  action: z.enum(AUDIT_ACTIONS),
  tenantId: z.string().min(1),
  iss: z.string(),
  changes: z.record(
    z.string(),
    z.object({ from: z.unknown().optional(), to: z.unknown().optional() }),
  ),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditLogSchema = z.object({ entries: z.array(auditEntrySchema) });
export type AuditLog = z.infer<typeof auditLogSchema>;

export const CREDIT_PERIODS = ['day', 'month', 'year'] as const;

/** `GET /api/admin/credits`: completions and credit per period and EHR (from the ledger). */
export const creditsPerPeriodSchema = z.object({
  period: z.enum(CREDIT_PERIODS),
  rows: z.array(
    z.object({
      /** `2026-11-26`, `2026-11` or `2026`. */
      period: z.string(),
      tenantId: z.string(),
      iss: z.string().optional(),
      completions: z.number().int().nonnegative(),
      /** AMA PRA Category 1 Credit (physicians). */
      creditsAwarded: z.number().int().nonnegative(),
      amount: z.number().nonnegative(),
      /** Participation in the designated activity (other health professionals). */
      participations: z.number().int().nonnegative(),
      participationAmount: z.number().nonnegative(),
      learners: z.number().int().nonnegative(),
    }),
  ),
});
export type CreditsPerPeriod = z.infer<typeof creditsPerPeriodSchema>;

export const PARS_FORMATS = ['csv', 'tsv'] as const;
export type ParsFormat = (typeof PARS_FORMATS)[number];

/** The response headers of `GET /reports/pars` that count what the file holds and leaves out. */
export const PARS_SUMMARY_HEADERS = {
  included: 'x-pars-included',
  noConsent: 'x-pars-left-out-no-consent',
  missingIdentifiers: 'x-pars-left-out-missing-identifiers',
  participation: 'x-pars-left-out-participation',
} as const;

/**
 * `GET /api/admin/reports/pars`: awarded completions in the file, and those left out because the
 * learner gave no consent to report (ACCME Standard 2), lacks a name, board id or NPI, or
 * birth month and day, or is not a physician (participation, not AMA PRA credit).
 */
export const parsSummarySchema = z.object({
  included: z.coerce.number().int().nonnegative(),
  noConsent: z.coerce.number().int().nonnegative(),
  missingIdentifiers: z.coerce.number().int().nonnegative(),
  /** Participation of other professions: PARS learner credit data is physicians' credit. */
  participation: z.coerce.number().int().nonnegative(),
});
export type ParsSummary = z.infer<typeof parsSummarySchema>;
