import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  DEFAULT_BACKEND_SCOPE,
  DEFAULT_LAUNCH_SCOPE,
  tenantsFileSchema,
  type TenantRegistration,
} from '../../core/tenant';
import type { AuditStore } from '../admin/audit-store';
import { diff } from '../admin/tenant-admin';
import type { AppConfig } from '../config';
import type { TenantStore } from './tenant-store';

/** Reads and validates TENANTS_FILE; every problem is reported with its path in the file. */
export async function readTenantsFile(path: string): Promise<TenantRegistration[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`TENANTS_FILE ${path} could not be read as JSON`, { cause: error });
  }
  const parsed = tenantsFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`TENANTS_FILE ${path} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data.tenants;
}

/** The local sandbox EHR's registration, as an admin would enter it for a real EHR. */
export function sandboxRegistration(sandbox: {
  publicUrl: string;
  clientId: string;
}): TenantRegistration {
  return {
    iss: `${sandbox.publicUrl}/fhir`,
    name: 'Chartside sandbox EHR',
    vendor: 'smart-sandbox',
    clientId: sandbox.clientId,
    scope: DEFAULT_LAUNCH_SCOPE,
    frameOrigins: [new URL(sandbox.publicUrl).origin],
    // The sandbox calls our CDS Hooks services, signing with ES384 keys it hosts itself.
    cdsClients: [
      {
        iss: sandbox.publicUrl,
        jku: `${sandbox.publicUrl}/cds-client/jwks.json`,
        algorithms: ['ES384'],
      },
    ],
    // The outcomes job reads the sandbox's panel as a Backend Services client, as at a real EHR.
    backendServices: {
      clientId: 'chartside-backend',
      scope: DEFAULT_BACKEND_SCOPE,
      algorithm: 'ES384',
    },
    status: 'active',
  };
}

/**
 * Configuration as code: TENANTS_FILE and the sandbox (when it runs) are upserted at start.
 * With `audit`, a registration this changes is logged (actor `config:TENANTS_FILE`/`config:sandbox`).
 */
export async function registerConfiguredTenants(
  config: AppConfig,
  tenants: TenantStore,
  audit?: AuditStore,
): Promise<void> {
  const registrations: [string, TenantRegistration][] = (
    config.tenantsFile === undefined ? [] : await readTenantsFile(config.tenantsFile)
  ).map((r) => ['config:TENANTS_FILE', r]);
  if (config.sandbox) registrations.push(['config:sandbox', sandboxRegistration(config.sandbox)]);
  for (const [actor, registration] of registrations) {
    const before = await tenants.findByIss(registration.iss);
    const after = await tenants.upsert(registration);
    const changes = diff(before, after);
    if (audit && Object.keys(changes).length > 0) {
      const action = before === undefined ? 'tenant.created' : 'tenant.updated';
      await audit.record({ actor, action, tenantId: after.id, iss: after.iss, changes });
    }
  }
}
