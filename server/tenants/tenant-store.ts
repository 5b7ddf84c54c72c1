import type { Selectable } from 'kysely';
import { z } from 'zod';
import {
  backendServicesSchema,
  cdsClientSchema,
  tenantRegistrationSchema,
  type TenantEnvironment,
  type TenantRegistration,
} from '../../core/tenant';
import { smartDiscoverySchema, type SmartDiscovery } from '../../core/wire/admin';
import type { Database } from '../store/database';
import type { TenantsTable } from '../store/schema';

export interface Tenant extends TenantRegistration {
  id: string;
  environment: TenantEnvironment;
  /** The smart-configuration found when an admin added or rediscovered the tenant. */
  discovery?: SmartDiscovery;
  createdAt: string;
  updatedAt: string;
}

/**
 * EHR registrations, keyed by their FHIR base (`iss`). Every read goes to the store, so a change
 * made by one server process (or the CLI) is seen by all of them at once.
 */
export class TenantStore {
  /**
   * The last row read for each tenant id and what it parsed to. Every lookup still reads the
   * store; only the validation and JSON parsing of a row identical, column by column, to the one
   * read before is skipped (the session check reads the tenant on every request).
   */
  private readonly parsed = new Map<string, { row: TenantRow; tenant: Tenant }>();

  constructor(private readonly db: Database) {}

  /**
   * Inserts or replaces the registration for `registration.iss`; returns the stored tenant.
   * Fields the registration leaves out (environment, per-environment ids, discovery, Backend
   * Services) keep what the store has, so TENANTS_FILE does not erase what an admin added.
   */
  async upsert(
    registration: TenantRegistration,
    options: { discovery?: SmartDiscovery } = {},
  ): Promise<Tenant> {
    const now = new Date().toISOString();
    const row = { ...toRow(registration, options.discovery), updated_at: now };
    await this.db
      .insertInto('tenants')
      .values({ ...row, id: crypto.randomUUID(), created_at: now })
      .onConflict((oc) => oc.column('iss').doUpdateSet(row))
      .execute();
    const stored = await this.findByIss(registration.iss);
    if (!stored) throw new Error(`Tenant ${registration.iss} vanished after upsert`);
    return stored;
  }

  /** Adds a new tenant; fails on the store's unique `iss` when it is registered already. */
  async insert(registration: TenantRegistration, discovery?: SmartDiscovery): Promise<Tenant> {
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    await this.db
      .insertInto('tenants')
      .values({ ...toRow(registration, discovery), id, created_at: now, updated_at: now })
      .execute();
    const stored = await this.findById(id);
    if (!stored) throw new Error(`Tenant ${registration.iss} vanished after insert`);
    return stored;
  }

  /**
   * Replaces the registration of tenant `id` (its `iss` included) and returns it; a registration
   * without Backend Services removes them (an admin turned population reads off).
   */
  async update(
    id: string,
    registration: TenantRegistration,
    discovery?: SmartDiscovery,
  ): Promise<Tenant | undefined> {
    await this.db
      .updateTable('tenants')
      .set({
        ...toRow(registration, discovery),
        ...(registration.backendServices === undefined && { backend_services: null }),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    return this.findById(id);
  }

  async findByIss(iss: string): Promise<Tenant | undefined> {
    const row = await this.db
      .selectFrom('tenants')
      .selectAll()
      .where('iss', '=', iss.replace(/\/+$/, ''))
      .executeTakeFirst();
    return row && this.toTenant(row);
  }

  async findById(id: string): Promise<Tenant | undefined> {
    const row = await this.db
      .selectFrom('tenants')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && this.toTenant(row);
  }

  async list(): Promise<Tenant[]> {
    const rows = await this.db.selectFrom('tenants').selectAll().orderBy('name').execute();
    return rows.map((row) => this.toTenant(row));
  }

  async listActive(): Promise<Tenant[]> {
    return (await this.list()).filter((tenant) => tenant.status === 'active');
  }

  private toTenant(row: TenantRow): Tenant {
    const cached = this.parsed.get(row.id);
    if (cached && sameRow(cached.row, row)) return structuredClone(cached.tenant);
    const tenant = parseTenant(row);
    if (this.parsed.size >= PARSED_CAPACITY) this.parsed.clear();
    this.parsed.set(row.id, { row: { ...row }, tenant });
    return structuredClone(tenant);
  }
}

function toRow(registration: TenantRegistration, discovery: SmartDiscovery | undefined) {
  return {
    iss: registration.iss,
    name: registration.name,
    vendor: registration.vendor,
    client_id: registration.clientId,
    scope: registration.scope,
    frame_origins: JSON.stringify(registration.frameOrigins),
    cds_clients: JSON.stringify(registration.cdsClients),
    status: registration.status,
    ...(registration.environment !== undefined && { environment: registration.environment }),
    ...(registration.clientIds !== undefined && {
      client_ids: JSON.stringify(registration.clientIds),
    }),
    ...(discovery !== undefined && { discovery: JSON.stringify(discovery) }),
    ...(registration.backendServices !== undefined && {
      backend_services: JSON.stringify(registration.backendServices),
    }),
  };
}

type TenantRow = Selectable<TenantsTable>;

const PARSED_CAPACITY = 1000;

function sameRow(a: TenantRow, b: TenantRow): boolean {
  const keys = Object.keys(a) as (keyof TenantRow)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function parseTenant(row: TenantRow): Tenant {
  const registration = tenantRegistrationSchema.parse({
    iss: row.iss,
    name: row.name,
    vendor: row.vendor,
    clientId: row.client_id,
    scope: row.scope,
    frameOrigins: JSON.parse(row.frame_origins) as unknown,
    cdsClients: z.array(cdsClientSchema).parse(JSON.parse(row.cds_clients)),
    status: row.status,
    environment: row.environment,
    clientIds: JSON.parse(row.client_ids) as unknown,
    ...(row.backend_services !== null && {
      backendServices: backendServicesSchema.parse(JSON.parse(row.backend_services)),
    }),
  });
  const discovery =
    row.discovery === null ? undefined : smartDiscoverySchema.parse(JSON.parse(row.discovery));
  return {
    ...registration,
    environment: registration.environment ?? 'production',
    ...(discovery && { discovery }),
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
