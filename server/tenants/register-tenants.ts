import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  DEFAULT_LAUNCH_SCOPE,
  tenantsFileSchema,
  type TenantRegistration,
} from '../../core/tenant';
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
    status: 'active',
  };
}

/** Configuration as code: TENANTS_FILE and the sandbox (when it runs) are upserted at start. */
export async function registerConfiguredTenants(
  config: AppConfig,
  tenants: TenantStore,
): Promise<void> {
  const registrations =
    config.tenantsFile === undefined ? [] : await readTenantsFile(config.tenantsFile);
  if (config.sandbox) registrations.push(sandboxRegistration(config.sandbox));
  for (const registration of registrations) await tenants.upsert(registration);
}
