import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { AuditStore } from '../admin/audit-store';
import { loadConfig } from '../config';
import { forEachStore } from '../store/test-stores';
import { registerConfiguredTenants } from './register-tenants';
import { TenantStore } from './tenant-store';

function config() {
  const file = join(mkdtempSync(join(tmpdir(), 'tenants-')), 'tenants.json');
  const tenant = { iss: 'https://ehr.example.org/fhir', name: 'E', clientId: 'c', scope: 'launch' };
  writeFileSync(file, JSON.stringify({ tenants: [tenant] }));
  return loadConfig({ TENANTS_FILE: file, SANDBOX_PUBLIC_URL: 'http://localhost:4000' });
}

forEachStore('configured tenants', (store) => {
  test('registrations from configuration are audited when they change something, and only then', async () => {
    const db = await store.open();
    const tenants = new TenantStore(db);
    const audit = new AuditStore(db);
    const settings = config();
    await registerConfiguredTenants(settings, tenants, audit);
    await registerConfiguredTenants(settings, tenants, audit);
    const created = (await audit.list()).map((e) => [e.actor, e.action, e.iss]);
    expect(created.sort()).toEqual([
      ['config:TENANTS_FILE', 'tenant.created', 'https://ehr.example.org/fhir'],
      ['config:sandbox', 'tenant.created', 'http://localhost:4000/fhir'],
    ]);

    const disabled = await tenants.findByIss('https://ehr.example.org/fhir');
    await tenants.upsert({ ...disabled!, status: 'disabled' });
    await registerConfiguredTenants(settings, tenants, audit);
    const [latest] = await audit.list({ tenantId: disabled!.id, limit: 1 });
    expect(latest).toMatchObject({
      actor: 'config:TENANTS_FILE',
      action: 'tenant.updated',
      changes: { status: { from: 'disabled', to: 'active' } },
    });
  });
});
