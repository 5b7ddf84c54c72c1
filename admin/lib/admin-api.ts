import { cdsFeedbackRatesSchema, type CdsFeedbackRates } from '../../core/cds-hooks/feedback';
import {
  adminTenantListSchema,
  adminTenantSchema,
  auditLogSchema,
  creditsPerPeriodSchema,
  PARS_SUMMARY_HEADERS,
  parsSummarySchema,
  registrationSheetSchema,
  smartInspectionSchema,
  tenantSavedSchema,
  testLaunchSchema,
  type AdminTenant,
  type AdminTenantList,
  type AuditLog,
  type CreditsPerPeriod,
  type ParsFormat,
  type ParsSummary,
  type RegistrationSheet,
  type SmartInspection,
  type TenantCreate,
  type TenantSaved,
  type TenantUpdate,
  type TestLaunch,
} from '../../core/wire/admin';
import type { MeasureId } from '../../core/measures/measure';
import { adminOutcomesResponseSchema, type AdminOutcomesResponse } from '../../core/wire/outcomes';
import type { AdminCredentials } from './admin-credentials';
import { AdminError } from './admin-error';
import { adminFileRequest, adminRequest, type AdminRequest } from './admin-request';

/** A PARS upload file and what it holds and leaves out. */
export interface ParsFile {
  name: string;
  text: string;
  summary: ParsSummary;
}

const BASE = '/api/admin';

/** The outcomes report's filters: one EHR, one measure, or all. */
export interface OutcomesFilter {
  tenant?: string | undefined;
  measure?: MeasureId | undefined;
}
const outcomesQuery = ({ tenant, measure }: OutcomesFilter): URLSearchParams =>
  new URLSearchParams({
    ...(tenant !== undefined && { tenant }),
    ...(measure !== undefined && { measure }),
  });

const tenantPath = (id: string) => `${BASE}/tenants/${encodeURIComponent(id)}`;

/** The admin API (core/wire/admin.ts), every answer parsed with its core schema. */
export function createAdminApi(credentials: AdminCredentials) {
  const call = <T>(request: AdminRequest<T>): Promise<T> => adminRequest(credentials, request);
  return {
    listTenants: async (signal?: AbortSignal): Promise<AdminTenantList['tenants']> =>
      (
        await call({
          method: 'GET',
          path: `${BASE}/tenants`,
          schema: adminTenantListSchema,
          what: 'tenant list',
          signal,
        })
      ).tenants,
    getTenant: (id: string, signal?: AbortSignal): Promise<AdminTenant> =>
      call({
        method: 'GET',
        path: tenantPath(id),
        schema: adminTenantSchema,
        what: 'tenant',
        signal,
      }),
    inspect: (iss: string, signal?: AbortSignal): Promise<SmartInspection> =>
      call({
        method: 'GET',
        path: `${BASE}/smart-configuration?iss=${encodeURIComponent(iss)}`,
        schema: smartInspectionSchema,
        what: 'discovery result',
        signal,
      }),
    createTenant: (body: TenantCreate): Promise<TenantSaved> =>
      call({
        method: 'POST',
        path: `${BASE}/tenants`,
        schema: tenantSavedSchema,
        what: 'tenant',
        body,
      }),
    updateTenant: (id: string, body: TenantUpdate): Promise<TenantSaved> =>
      call({
        method: 'PATCH',
        path: tenantPath(id),
        schema: tenantSavedSchema,
        what: 'tenant',
        body,
      }),
    setStatus: (id: string, action: 'disable' | 'enable'): Promise<TenantSaved> =>
      call({
        method: 'POST',
        path: `${tenantPath(id)}/${action}`,
        schema: tenantSavedSchema,
        what: 'tenant',
      }),
    registrationSheet: (id: string, signal?: AbortSignal): Promise<RegistrationSheet> =>
      call({
        method: 'GET',
        path: `${tenantPath(id)}/registration-sheet`,
        schema: registrationSheetSchema,
        what: 'registration sheet',
        signal,
      }),
    testLaunch: (id: string): Promise<TestLaunch> =>
      call({
        method: 'POST',
        path: `${tenantPath(id)}/test-launch`,
        schema: testLaunchSchema,
        what: 'test launch',
      }),
    auditLog: (tenantId: string | undefined, signal?: AbortSignal): Promise<AuditLog> =>
      call({
        method: 'GET',
        path: `${BASE}/audit?${new URLSearchParams({
          limit: '100',
          ...(tenantId !== undefined && { tenantId }),
        })}`,
        schema: auditLogSchema,
        what: 'audit log',
        signal,
      }),
    credits: (
      period: CreditsPerPeriod['period'],
      signal?: AbortSignal,
    ): Promise<CreditsPerPeriod> =>
      call({
        method: 'GET',
        path: `${BASE}/credits?period=${period}`,
        schema: creditsPerPeriodSchema,
        what: 'credit report',
        signal,
      }),
    cdsFeedback: (iss: string, days: number, signal?: AbortSignal): Promise<CdsFeedbackRates> =>
      call({
        method: 'GET',
        path: `${BASE}/cds-feedback?${new URLSearchParams({ iss, days: String(days) })}`,
        schema: cdsFeedbackRatesSchema,
        what: 'CDS feedback report',
        signal,
      }),
    outcomes: (filter: OutcomesFilter, signal?: AbortSignal): Promise<AdminOutcomesResponse> =>
      call({
        method: 'GET',
        path: `${BASE}/outcomes?${outcomesQuery(filter)}`,
        schema: adminOutcomesResponseSchema,
        what: 'outcomes report',
        signal,
      }),
    /** The outcomes report as CSV text, suppressed like the JSON (the download is audited). */
    outcomesCsv: async (filter: OutcomesFilter): Promise<string> =>
      (
        await adminFileRequest(credentials, {
          path: `${BASE}/reports/outcomes.csv?${outcomesQuery(filter)}`,
        })
      ).text,
    parsReport: async (
      query: { from: string; to: string; format: ParsFormat },
      signal?: AbortSignal,
    ): Promise<ParsFile> => {
      const { text, headers } = await adminFileRequest(credentials, {
        path: `${BASE}/reports/pars?${new URLSearchParams(query)}`,
        signal,
      });
      const summary = parsSummarySchema.safeParse({
        included: headers.get(PARS_SUMMARY_HEADERS.included),
        noConsent: headers.get(PARS_SUMMARY_HEADERS.noConsent),
        missingIdentifiers: headers.get(PARS_SUMMARY_HEADERS.missingIdentifiers),
        participation: headers.get(PARS_SUMMARY_HEADERS.participation),
      });
      if (!summary.success)
        throw new AdminError('SERVER_INVALID', 'The PARS export did not say what it left out');
      return {
        name: `pars-${query.from}-to-${query.to}.${query.format}`,
        text,
        summary: summary.data,
      };
    },
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
