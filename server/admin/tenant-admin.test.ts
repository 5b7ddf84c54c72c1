import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { AppError } from '../http/app-error';
import type { Database } from '../store/database';
import { forEachStore } from '../store/test-stores';
import { TenantStore } from '../tenants/tenant-store';
import { AuditStore } from './audit-store';
import { TenantAdmin } from './tenant-admin';

const ISS = 'https://ehr.test/fhir';
const discovery = {
  issuer: 'https://ehr.test/oidc',
  jwks_uri: 'https://ehr.test/oidc/jwks',
  authorization_endpoint: 'https://ehr.test/oauth2/authorize',
  token_endpoint: 'https://ehr.test/oauth2/token',
  code_challenge_methods_supported: ['S256'],
  scopes_supported: ['openid', 'fhirUser', 'launch', 'patient/*.rs', 'patient/*.read'],
  capabilities: ['launch-ehr', 'client-public', 'context-ehr-encounter', 'sso-openid-connect'],
};
const server = setupServer(
  http.get(`${ISS}/.well-known/smart-configuration`, () => HttpResponse.json(discovery)),
  http.get('https://down.test/fhir/.well-known/smart-configuration', () => HttpResponse.error()),
  http.get('https://bad-jwks.test/fhir/.well-known/smart-configuration', () =>
    HttpResponse.json({ ...discovery, jwks_uri: 'jwks please' }),
  ),
);
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

const epic = {
  iss: ISS,
  name: 'Example Health',
  vendor: 'epic',
  clientId: 'chartside-prod',
  scope: 'launch openid fhirUser patient/Observation.rs',
};

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as AppError,
  );
}

async function counts(db: Database): Promise<[number, number]> {
  return [(await new TenantStore(db).list()).length, (await new AuditStore(db).list()).length];
}

forEachStore('tenant admin', (store) => {
  test('adding a tenant stores what discovery found and one audit entry naming the actor', async () => {
    const db = await store.open();
    const admin = new TenantAdmin({ db, production: true });
    const { tenant, warnings } = await admin.create(epic, 'cli:dana');
    expect(warnings.map((w) => w.code)).toEqual(['SCOPE_VERSION']);
    expect(tenant).toMatchObject({
      ...epic,
      environment: 'production',
      status: 'active',
      discovery: { issuer: 'https://ehr.test/oidc', jwksUri: 'https://ehr.test/oidc/jwks' },
    });
    const [entry, ...more] = await new AuditStore(db).list();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor: 'cli:dana',
      action: 'tenant.created',
      tenantId: tenant.id,
      iss: ISS,
      changes: { name: { to: 'Example Health' }, clientId: { to: 'chartside-prod' } },
    });
  });

  test('every bad input is refused with its code and saves nothing, audit included', async () => {
    const db = await store.open();
    const admin = new TenantAdmin({ db, production: true });
    await admin.create(epic, 'cli:dana');
    const refusals = [
      [{ ...epic, name: 'Again' }, 'TENANT_ALREADY_REGISTERED'],
      [{ ...epic, iss: 'http://ehr.test/fhir2' }, 'ISSUER_NOT_HTTPS'],
      [{ ...epic, iss: 'https://down.test/fhir' }, 'DISCOVERY_UNREACHABLE'],
      [{ ...epic, iss: 'https://bad-jwks.test/fhir' }, 'DISCOVERY_INVALID'],
      [{ ...epic, iss: `${ISS}/other`, scope: 'launch system/*.cruds' }, 'SCOPE_NOT_SUPPORTED'],
      [{ ...epic, iss: 'not a url' }, 'REQUEST_INVALID'],
      [{ ...epic, iss: `${ISS}/other`, clientId: undefined }, 'REQUEST_INVALID'],
    ] as const;
    server.use(
      http.get(`${ISS}/other/.well-known/smart-configuration`, () => HttpResponse.json(discovery)),
    );
    for (const [input, code] of refusals) {
      expect((await refusal(admin.create(input, 'cli:dana'))).code).toBe(code);
    }
    expect(await counts(db)).toEqual([1, 1]);
  });

  // better-sqlite3 is synchronous: two connections in one process would wait on each other.
  test.skipIf(store.kind === 'sqlite')(
    `two processes adding the same FHIR base at once register it once${store.kind === 'sqlite' ? ' (skipped on SQLite: two writers need two processes)' : ''}`,
    async () => {
      const db = await store.open();
      const other = await store.reopen(db);
      const results = await Promise.allSettled([
        new TenantAdmin({ db, production: false }).create(epic, 'api:a'),
        new TenantAdmin({ db: other, production: false }).create(epic, 'api:b'),
      ]);
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused.map((r) => (r.reason as AppError).code)).toEqual([
        'TENANT_ALREADY_REGISTERED',
      ]);
      expect(await counts(db)).toEqual([1, 1]);
    },
  );

  test('an edit changes only the fields it names and logs from and to', async () => {
    const db = await store.open();
    const admin = new TenantAdmin({ db, production: false });
    const { tenant } = await admin.create({ ...epic, frameOrigins: ['https://ehr.test'] }, 'api:a');
    const { tenant: edited } = await admin.update(
      tenant.id,
      { name: 'Example Health East' },
      'api:b',
    );
    expect(edited).toMatchObject({
      ...epic,
      name: 'Example Health East',
      frameOrigins: ['https://ehr.test'],
    });
    const [entry] = await new AuditStore(db).list({ tenantId: tenant.id, limit: 1 });
    expect(entry).toMatchObject({
      actor: 'api:b',
      action: 'tenant.updated',
      changes: { name: { from: 'Example Health', to: 'Example Health East' } },
    });
    expect(Object.keys(entry?.changes ?? {})).toEqual(['name']);
  });

  test('disabling and enabling are logged as such; repeating one changes and logs nothing', async () => {
    const db = await store.open();
    const admin = new TenantAdmin({ db, production: false });
    const { tenant } = await admin.create(epic, 'api:a');
    await admin.setStatus(tenant.id, 'disabled', 'api:a');
    await admin.setStatus(tenant.id, 'disabled', 'api:a');
    await admin.setStatus(tenant.id, 'active', 'cli:b');
    const actions = (await new AuditStore(db).list()).map((e) => [e.action, e.actor]);
    expect(actions.sort()).toEqual([
      ['tenant.created', 'api:a'],
      ['tenant.disabled', 'api:a'],
      ['tenant.enabled', 'cli:b'],
    ]);
  });

  test('a scope edit the EHR does not offer is refused and leaves the tenant as it was', async () => {
    const db = await store.open();
    const admin = new TenantAdmin({ db, production: false });
    const { tenant } = await admin.create(epic, 'api:a');
    const error = await refusal(admin.update(tenant.id, { scope: 'launch user/*.cruds' }, 'api:a'));
    expect([error.code, error.message]).toEqual([
      'SCOPE_NOT_SUPPORTED',
      'The EHR does not support these scopes: user/*.cruds',
    ]);
    expect((await admin.find(tenant.id)).scope).toBe(epic.scope);
    expect(await counts(db)).toEqual([1, 1]);
  });

  test('the client id comes from the one issued for the tenant’s environment', async () => {
    const db = await store.open();
    const admin = new TenantAdmin({ db, production: false });
    const rest = { ...epic, clientId: undefined };
    const clientIds = { production: 'chartside-prod', 'non-production': 'chartside-np' };
    const { tenant } = await admin.create(
      { ...rest, environment: 'non-production', clientIds },
      'api:a',
    );
    expect([tenant.clientId, tenant.environment, tenant.clientIds]).toEqual([
      'chartside-np',
      'non-production',
      clientIds,
    ]);
    const { tenant: moved } = await admin.update(tenant.id, { environment: 'production' }, 'api:a');
    expect(moved.clientId).toBe('chartside-prod');
    const error = await refusal(admin.update(tenant.id, { clientId: 'someone-else' }, 'api:a'));
    expect(error.message).toBe(
      'clientId someone-else is not the production client id in clientIds (chartside-prod)',
    );
  });

  test('Backend Services is saved and audited, kept by later edits, and a bad one is refused', async () => {
    const db = await store.open();
    const admin = new TenantAdmin({ db, production: false });
    const { tenant } = await admin.create(epic, 'api:a');
    const backendServices = { clientId: 'chartside-backend', algorithm: 'RS384' };

    const saved = await admin.update(tenant.id, { backendServices }, 'api:b');
    expect(saved.tenant.backendServices).toMatchObject(backendServices);
    const [entry] = await new AuditStore(db).list({ tenantId: tenant.id });
    expect(entry?.changes.backendServices?.to).toMatchObject(backendServices);
    const renamed = await admin.update(tenant.id, { name: 'Renamed Health' }, 'api:b');
    expect(renamed.tenant.backendServices).toMatchObject(backendServices);

    const wrong = await refusal(
      admin.update(tenant.id, { backendServices: { clientId: 'x', algorithm: 'HS256' } }, 'api:b'),
    );
    expect([wrong.code, wrong.expression]).toEqual([
      'REQUEST_INVALID',
      ['backendServices.algorithm'],
    ]);
    expect((await admin.find(tenant.id)).backendServices).toMatchObject(backendServices);

    // Export file hosts: https origins only, so a pre-signed link never travels in the clear.
    const withHosts = { ...backendServices, fileOrigins: ['https://exports.blob.test'] };
    const hosted = await admin.update(tenant.id, { backendServices: withHosts }, 'api:b');
    expect(hosted.tenant.backendServices?.fileOrigins).toEqual(['https://exports.blob.test']);
    for (const bad of ['http://exports.blob.test', 'https://exports.blob.test/path', 'exports']) {
      const refused = await refusal(
        admin.update(
          tenant.id,
          { backendServices: { ...backendServices, fileOrigins: [bad] } },
          'api:b',
        ),
      );
      expect([refused.code, refused.expression]).toEqual([
        'REQUEST_INVALID',
        ['backendServices.fileOrigins.0'],
      ]);
    }
    expect((await admin.find(tenant.id)).backendServices).toMatchObject(withHosts);

    // null turns population reads off; the removal is audited like any change.
    const removed = await admin.update(tenant.id, { backendServices: null }, 'api:c');
    expect(removed.tenant.backendServices).toBeUndefined();
    expect((await admin.find(tenant.id)).backendServices).toBeUndefined();
    const [latest] = await new AuditStore(db).list({ tenantId: tenant.id });
    expect([latest?.actor, latest?.changes.backendServices?.to]).toEqual(['api:c', undefined]);
    expect(latest?.changes.backendServices?.from).toMatchObject(backendServices);
  });

  test('TENANTS_FILE upserts keep the environment, client ids and discovery an admin added', async () => {
    const db = await store.open();
    const admin = new TenantAdmin({ db, production: false });
    const clientIds = { production: 'chartside-prod' };
    await admin.create({ ...epic, clientIds }, 'api:a');
    const upserted = await new TenantStore(db).upsert({
      ...epic,
      vendor: 'epic',
      frameOrigins: [],
      cdsClients: [],
      status: 'active',
    });
    expect(upserted.clientIds).toEqual(clientIds);
    expect(upserted.discovery?.issuer).toBe('https://ehr.test/oidc');
  });
});
