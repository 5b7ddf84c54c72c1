import {
  cdsClientSchema,
  tenantRegistrationSchema,
  type TenantRegistration,
} from '../../core/tenant';
import { z } from 'zod';
import type { Database } from '../store/database';
import type { Selectable } from 'kysely';
import type { TenantsTable } from '../store/schema';

export interface Tenant extends TenantRegistration {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** EHR registrations, keyed by their FHIR base (`iss`). */
export class TenantStore {
  constructor(private readonly db: Database) {}

  /** Inserts or replaces the registration for `registration.iss`; returns the stored tenant. */
  async upsert(registration: TenantRegistration): Promise<Tenant> {
    const now = new Date().toISOString();
    const row = {
      iss: registration.iss,
      name: registration.name,
      vendor: registration.vendor,
      client_id: registration.clientId,
      scope: registration.scope,
      frame_origins: JSON.stringify(registration.frameOrigins),
      cds_clients: JSON.stringify(registration.cdsClients),
      status: registration.status,
      updated_at: now,
    };
    await this.db
      .insertInto('tenants')
      .values({ ...row, id: crypto.randomUUID(), created_at: now })
      .onConflict((oc) => oc.column('iss').doUpdateSet(row))
      .execute();
    const stored = await this.findByIss(registration.iss);
    if (!stored) throw new Error(`Tenant ${registration.iss} vanished after upsert`);
    return stored;
  }

  async findByIss(iss: string): Promise<Tenant | undefined> {
    const row = await this.db
      .selectFrom('tenants')
      .selectAll()
      .where('iss', '=', iss.replace(/\/+$/, ''))
      .executeTakeFirst();
    return row && toTenant(row);
  }

  async findById(id: string): Promise<Tenant | undefined> {
    const row = await this.db
      .selectFrom('tenants')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toTenant(row);
  }

  async list(): Promise<Tenant[]> {
    const rows = await this.db.selectFrom('tenants').selectAll().orderBy('name').execute();
    return rows.map(toTenant);
  }

  async listActive(): Promise<Tenant[]> {
    return (await this.list()).filter((tenant) => tenant.status === 'active');
  }
}

function toTenant(row: Selectable<TenantsTable>): Tenant {
  const registration = tenantRegistrationSchema.parse({
    iss: row.iss,
    name: row.name,
    vendor: row.vendor,
    clientId: row.client_id,
    scope: row.scope,
    frameOrigins: JSON.parse(row.frame_origins) as unknown,
    cdsClients: z.array(cdsClientSchema).parse(JSON.parse(row.cds_clients)),
    status: row.status,
  });
  return { ...registration, id: row.id, createdAt: row.created_at, updatedAt: row.updated_at };
}
