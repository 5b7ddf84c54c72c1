import {
  DEFAULT_LAUNCH_SCOPE,
  TENANT_VENDORS,
  type BackendServices,
  type TenantEnvironment,
  type TenantVendor,
} from '../../core/tenant';
import type { AdminTenant, TenantCreate, TenantUpdate } from '../../core/wire/admin';

type CdsClient = AdminTenant['cdsClients'][number];

/** One CDS client as the form edits it: issuer and JWKS URL; anything else is kept as it was. */
export interface CdsClientDraft {
  key: string;
  iss: string;
  jku: string;
  kept: Omit<CdsClient, 'iss' | 'jku'> | undefined;
}

/** The registration form's fields, as strings the inputs hold. */
export interface TenantDraft {
  name: string;
  vendor: TenantVendor;
  environment: TenantEnvironment;
  clientId: string;
  productionClientId: string;
  nonProductionClientId: string;
  scope: string;
  /** One origin per line. */
  frameOrigins: string;
  cdsClients: CdsClientDraft[];
  /** SMART Backend Services for the outcomes job: empty means none is registered here. */
  backendClientId: string;
  backendAlgorithm: BackendServices['algorithm'];
  /** Other https hosts the EHR's exports put files on, one origin per line. */
  backendFileOrigins: string;
  /** Its scope and token URL, which the form does not edit, kept as they were. */
  backendKept: Omit<BackendServices, 'clientId' | 'algorithm' | 'fileOrigins'> | undefined;
}

export const VENDOR_LABELS: Record<TenantVendor, string> = {
  epic: 'Epic',
  oracle: 'Oracle Health (Cerner)',
  meditech: 'MEDITECH',
  'smart-sandbox': 'SMART sandbox',
  other: 'Other SMART on FHIR EHR',
};
export const VENDORS = TENANT_VENDORS;

let nextKey = 0;
export const newCdsClient = (iss = '', jku = ''): CdsClientDraft => ({
  key: `cds-${String((nextKey += 1))}`,
  iss,
  jku,
  kept: undefined,
});

/** A new EHR: the least-privilege scope, and its FHIR base's origin as the likely frame origin. */
export function newTenantDraft(iss: string): TenantDraft {
  let origin = '';
  try {
    origin = new URL(iss).origin;
  } catch {
    // Not a URL: the admin fills the frame origins in.
  }
  return {
    name: '',
    vendor: 'other',
    environment: 'production',
    clientId: '',
    productionClientId: '',
    nonProductionClientId: '',
    scope: DEFAULT_LAUNCH_SCOPE,
    frameOrigins: origin,
    cdsClients: [],
    backendClientId: '',
    backendAlgorithm: 'ES384',
    backendFileOrigins: '',
    backendKept: undefined,
  };
}

export function draftFromTenant(tenant: AdminTenant): TenantDraft {
  return {
    name: tenant.name,
    vendor: tenant.vendor,
    environment: tenant.environment,
    clientId: tenant.clientId,
    productionClientId: tenant.clientIds?.production ?? '',
    nonProductionClientId: tenant.clientIds?.['non-production'] ?? '',
    scope: tenant.scope,
    frameOrigins: tenant.frameOrigins.join('\n'),
    cdsClients: tenant.cdsClients.map(({ iss, jku, ...kept }) => ({
      ...newCdsClient(iss, jku ?? ''),
      kept,
    })),
    backendClientId: tenant.backendServices?.clientId ?? '',
    backendAlgorithm: tenant.backendServices?.algorithm ?? 'ES384',
    backendFileOrigins: (tenant.backendServices?.fileOrigins ?? []).join('\n'),
    backendKept: tenant.backendServices && {
      scope: tenant.backendServices.scope,
      ...(tenant.backendServices.tokenUrl !== undefined && {
        tokenUrl: tenant.backendServices.tokenUrl,
      }),
    },
  };
}

const lines = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The changes `PATCH /tenants/{id}` takes: a Backend Services client id emptied removes them. */
export function updateOf(draft: TenantDraft): TenantUpdate {
  const registration = registrationOf(draft);
  return registration.backendServices === undefined && draft.backendKept !== undefined
    ? { ...registration, backendServices: null }
    : registration;
}

/** The fields both `POST /tenants` and `PATCH /tenants/{id}` take, from the form. */
export function registrationOf(draft: TenantDraft): TenantUpdate & Omit<TenantCreate, 'iss'> {
  const clientIds = {
    ...(draft.productionClientId.trim() && { production: draft.productionClientId.trim() }),
    ...(draft.nonProductionClientId.trim() && {
      'non-production': draft.nonProductionClientId.trim(),
    }),
  };
  return {
    name: draft.name.trim(),
    vendor: draft.vendor,
    environment: draft.environment,
    ...(draft.clientId.trim() && { clientId: draft.clientId.trim() }),
    ...(Object.keys(clientIds).length > 0 && { clientIds }),
    scope: draft.scope.trim().split(/\s+/).join(' '),
    frameOrigins: lines(draft.frameOrigins),
    cdsClients: draft.cdsClients
      .filter((client) => client.iss.trim() || client.jku.trim())
      .map((client) => ({
        ...client.kept,
        iss: client.iss.trim(),
        ...(client.jku.trim() && { jku: client.jku.trim() }),
      })),
    ...(draft.backendClientId.trim() && {
      backendServices: {
        ...draft.backendKept,
        clientId: draft.backendClientId.trim(),
        algorithm: draft.backendAlgorithm,
        ...(lines(draft.backendFileOrigins).length > 0 && {
          fileOrigins: lines(draft.backendFileOrigins),
        }),
      },
    }),
  };
}
