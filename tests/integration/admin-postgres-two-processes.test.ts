import { afterAll, beforeAll, expect, test } from 'vitest';
import { testDatabaseUrl } from '../../server/store/test-stores';
import { ADMIN_TOKEN, adminFetch, outcome } from '../support/admin-stack';
import { startAppCluster, type AppCluster } from '../support/app-cluster';
import { sandboxCdsCall } from '../support/sandbox-cds-call';
import { launchTokens } from '../support/smart-client';

const skipReason = 'skipped: set TEST_DATABASE_URL=postgres://… to run';
let cluster: AppCluster | undefined;

beforeAll(async () => {
  if (testDatabaseUrl === undefined) return;
  cluster = await startAppCluster(testDatabaseUrl, { ADMIN_TOKEN });
}, 60_000);
afterAll(() => cluster?.close());

test.skipIf(testDatabaseUrl === undefined)(
  `a tenant disabled through one app process is refused by the other at once, on PostgreSQL${testDatabaseUrl === undefined ? ` (${skipReason})` : ''}`,
  { timeout: 60_000 },
  async () => {
    const { sandbox, sandboxUrl, dataDir, publicUrl, appUrls } = cluster!;
    const [first, second] = appUrls as [string, string];
    const iss = sandbox.urls.fhirBaseUrl;
    const { body } = await launchTokens(sandbox, publicUrl, {
      patient: 'maria-santos',
      practitioner: sandbox.practitioners[0]!.id!,
    });
    const signIn = await fetch(`${second}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ iss, idToken: body.id_token }),
    });
    const { sessionToken } = (await signIn.json()) as { sessionToken: string };
    const session = () =>
      fetch(`${second}/api/session`, { headers: { authorization: `Bearer ${sessionToken}` } });
    const launchConfig = () => fetch(`${second}/api/launch-config?iss=${encodeURIComponent(iss)}`);
    const cdsCall = () =>
      sandboxCdsCall({ appUrl: second, publicUrl, sandboxUrl, sandboxDataDir: dataDir });
    expect([(await session()).status, (await launchConfig()).status]).toEqual([200, 200]);
    expect((await cdsCall()).status).toBe(200);

    const { tenants } = (await (await adminFetch(first, '/tenants')).json()) as {
      tenants: { id: string; iss: string }[];
    };
    const tenant = tenants.find((t) => t.iss === iss);
    const disabled = await adminFetch(first, `/tenants/${tenant?.id}/disable`, {
      method: 'POST',
      actor: 'Process A admin',
    });
    expect(disabled.status).toBe(200);

    expect(await outcome(await launchConfig())).toEqual([
      404,
      'TENANT_DISABLED',
      'Chartside is disabled for this EHR',
    ]);
    expect(await outcome(await session())).toEqual([
      401,
      'TENANT_DISABLED',
      'Chartside is disabled for this EHR',
    ]);
    expect((await cdsCall()).status).toBe(401);
    const audit = (await (await adminFetch(second, `/audit?tenantId=${tenant?.id}`)).json()) as {
      entries: { action: string; actor: string }[];
    };
    expect(audit.entries[0]).toMatchObject({
      action: 'tenant.disabled',
      actor: 'api:Process A admin',
    });
  },
);
