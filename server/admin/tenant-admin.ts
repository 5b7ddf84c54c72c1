import {
  tenantRegistrationSchema,
  type TenantEnvironment,
  type TenantRegistration,
} from '../../core/tenant';
import {
  tenantCreateSchema,
  tenantUpdateSchema,
  type AuditEntry,
  type DiscoveryWarning,
  type SmartDiscovery,
} from '../../core/wire/admin';
import { invalidRequest } from '../http/app-error';
import { AppError } from '../http/app-error';
import type { Database } from '../store/database';
import { TenantStore, type Tenant } from '../tenants/tenant-store';
import { AuditStore } from './audit-store';
import {
  assertIssuerAllowed,
  assertScopesSupported,
  discoveryWarnings,
  inspectSmartConfiguration,
} from './smart-discovery';

export interface TenantAdminDeps {
  db: Database;
  /** Production mode (NODE_ENV=production): FHIR bases and their keys only over https. */
  production: boolean;
  fetch?: typeof fetch;
}

export interface SavedTenant {
  tenant: Tenant;
  warnings: DiscoveryWarning[];
}

const AUDITED_FIELDS = [
  'iss',
  'name',
  'vendor',
  'environment',
  'clientId',
  'clientIds',
  'scope',
  'frameOrigins',
  'cdsClients',
  'backendServices',
  'status',
] as const;

/**
 * Adding, editing, disabling and enabling EHR registrations, for the admin API and the CLI
 * alike: validated, checked against the EHR's SMART discovery, and written in one transaction
 * with its audit entry — an invalid change saves nothing and logs nothing.
 */
export class TenantAdmin {
  private readonly tenants: TenantStore;

  constructor(private readonly deps: TenantAdminDeps) {
    this.tenants = new TenantStore(deps.db);
  }

  inspect(iss: string): ReturnType<typeof inspectSmartConfiguration> {
    return inspectSmartConfiguration(iss, this.deps);
  }

  /** A tenant by its id or its FHIR base; 404 when neither is registered. */
  async find(idOrIss: string): Promise<Tenant> {
    const tenant = /^https?:\/\//.test(idOrIss)
      ? await this.tenants.findByIss(idOrIss)
      : await this.tenants.findById(idOrIss);
    if (!tenant)
      throw new AppError('TENANT_NOT_REGISTERED', 404, `No EHR is registered as ${idOrIss}`);
    return tenant;
  }

  async create(input: unknown, actor: string): Promise<SavedTenant> {
    const parsed = tenantCreateSchema.safeParse(input);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const { clientId, ...rest } = parsed.data;
    const registration: TenantRegistration = {
      ...rest,
      clientId: resolveClientId(clientId, rest.clientIds, rest.environment),
    };
    assertIssuerAllowed(registration.iss, this.deps.production);
    if (await this.tenants.findByIss(registration.iss)) throw alreadyRegistered(registration.iss);
    const { discovery } = await this.inspect(registration.iss);
    assertScopesSupported(registration.scope, discovery);
    const tenant = await this.write(actor, 'tenant.created', undefined, (store) =>
      store.insert(registration, discovery),
    ).catch((error: unknown) => {
      throw isUniqueViolation(error) ? alreadyRegistered(registration.iss) : error;
    });
    return { tenant, warnings: discoveryWarnings(discovery, registration.scope) };
  }

  async update(id: string, input: unknown, actor: string): Promise<SavedTenant> {
    const parsed = tenantUpdateSchema.safeParse(input);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const current = await this.find(id);
    const { rediscover, clientId, backendServices, ...patch } = parsed.data;
    const { backendServices: currentBackend, ...kept } = registrationOf(current);
    // Left out: kept; null: removed.
    const backend = backendServices === undefined ? currentBackend : (backendServices ?? undefined);
    const merged = tenantRegistrationSchema.parse({
      ...kept,
      ...patch,
      ...(backend !== undefined && { backendServices: backend }),
    });
    const environmentChanged = patch.environment !== undefined || patch.clientIds !== undefined;
    const next: TenantRegistration = {
      ...merged,
      clientId:
        clientId ??
        (environmentChanged ? merged.clientIds?.[merged.environment ?? 'production'] : undefined) ??
        current.clientId,
    };
    resolveClientId(next.clientId, next.clientIds, next.environment);
    let discovery: SmartDiscovery | undefined;
    if (rediscover === true || next.scope !== current.scope) {
      ({ discovery } = await this.inspect(current.iss));
      assertScopesSupported(next.scope, discovery);
    }
    const known = discovery ?? current.discovery;
    const warnings = known ? discoveryWarnings(known, next.scope) : [];
    const changes = diff(current, next);
    if (discovery)
      changes.discovery = { from: current.discovery?.fetchedAt, to: discovery.fetchedAt };
    if (Object.keys(changes).length === 0) return { tenant: current, warnings };
    const onlyStatus = Object.keys(changes).join() === 'status';
    const action = !onlyStatus
      ? 'tenant.updated'
      : next.status === 'disabled'
        ? 'tenant.disabled'
        : 'tenant.enabled';
    const tenant = await this.write(actor, action, current, async (store) => {
      const updated = await store.update(current.id, next, discovery);
      if (!updated)
        throw new AppError('TENANT_NOT_REGISTERED', 404, `No EHR is registered as ${id}`);
      return updated;
    });
    return { tenant, warnings };
  }

  /** Disabling blocks launches, sessions and CDS calls at once, in every server process. */
  setStatus(id: string, status: 'active' | 'disabled', actor: string): Promise<SavedTenant> {
    return this.update(id, { status }, actor);
  }

  private write(
    actor: string,
    action: AuditEntry['action'],
    before: Tenant | undefined,
    change: (store: TenantStore) => Promise<Tenant>,
  ): Promise<Tenant> {
    return this.deps.db.transaction().execute(async (trx) => {
      const tenant = await change(new TenantStore(trx));
      const changes = diff(before, tenant);
      if (before?.discovery?.fetchedAt !== tenant.discovery?.fetchedAt)
        changes.discovery = { from: before?.discovery?.fetchedAt, to: tenant.discovery?.fetchedAt };
      await new AuditStore(trx).record({
        actor,
        action,
        tenantId: tenant.id,
        iss: tenant.iss,
        changes,
      });
      return tenant;
    });
  }
}

function registrationOf(tenant: Tenant): TenantRegistration {
  const registration: Record<string, unknown> = {};
  for (const field of AUDITED_FIELDS) registration[field] = tenant[field];
  return registration as TenantRegistration;
}

/** The registration fields that differ, as the audit log records them. */
export function diff(
  before: Partial<TenantRegistration> | undefined,
  after: TenantRegistration,
): AuditEntry['changes'] {
  const changes: AuditEntry['changes'] = {};
  for (const field of AUDITED_FIELDS) {
    const from = before?.[field];
    const to = after[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

/** The client id a FHIR base launches with: given, or the one issued for its environment. */
function resolveClientId(
  clientId: string | undefined,
  clientIds: TenantRegistration['clientIds'],
  environment: TenantEnvironment | undefined,
): string {
  const key = environment ?? 'production';
  const forEnvironment = clientIds?.[key];
  if (clientId !== undefined && forEnvironment !== undefined && clientId !== forEnvironment)
    throw new AppError(
      'REQUEST_INVALID',
      400,
      `clientId ${clientId} is not the ${key} client id in clientIds (${forEnvironment})`,
      ['clientId'],
    );
  const resolved = clientId ?? forEnvironment;
  if (resolved === undefined)
    throw new AppError(
      'REQUEST_INVALID',
      400,
      `clientId is required (or clientIds.${key}): the client id the EHR issued to Chartside`,
      ['clientId'],
    );
  return resolved;
}

function alreadyRegistered(iss: string): AppError {
  return new AppError(
    'TENANT_ALREADY_REGISTERED',
    409,
    `An EHR is already registered with the FHIR base ${iss}; edit that tenant instead`,
    ['iss'],
  );
}

/** SQLite `SQLITE_CONSTRAINT_UNIQUE`, PostgreSQL `23505`. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
