import { cdsFeedbackRatesSchema, type CdsFeedbackRates } from '../../core/cds-hooks/feedback';
import {
  adminTenantListSchema,
  adminTenantSchema,
  auditLogSchema,
  creditsPerPeriodSchema,
  registrationSheetSchema,
  smartInspectionSchema,
  tenantSavedSchema,
  testLaunchSchema,
  type AdminTenant,
  type AuditLog,
  type CreditsPerPeriod,
  type RegistrationSheet,
  type SmartInspection,
  type TenantCreate,
  type TenantSaved,
  type TenantUpdate,
  type TestLaunch,
} from '../../core/wire/admin';
import type { AdminCredentials } from './admin-credentials';
import { adminRequest, type AdminRequest } from './admin-request';

const BASE = '/api/admin';
const tenantPath = (id: string) => `${BASE}/tenants/${encodeURIComponent(id)}`;

/** The admin API (core/wire/admin.ts), every answer parsed with its core schema. */
export function createAdminApi(credentials: AdminCredentials) {
  const call = <T>(request: AdminRequest<T>): Promise<T> => adminRequest(credentials, request);
  return {
    listTenants: async (signal?: AbortSignal): Promise<AdminTenant[]> =>
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
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
