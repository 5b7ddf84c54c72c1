import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from '../../launch/sandbox/sandbox-app';
import { loadSandboxConfig } from '../../launch/sandbox/sandbox-config';
import {
  createPostgresTestSchema,
  testDatabaseUrl,
  type PostgresTestSchema,
} from '../../server/store/test-stores';
import { ADMIN_TOKEN, adminFetch, outcome } from '../support/admin-stack';
import { freePort } from '../support/processes';
import { sandboxCdsCall } from '../support/sandbox-cds-call';
import { launchTokens } from '../support/smart-client';

const skipReason = 'skipped: set TEST_DATABASE_URL=postgres://… to run';
const dataDir = mkdtempSync(join(tmpdir(), 'chartside-admin-pg-'));
let schema: PostgresTestSchema | undefined;
let sandboxServer: Server | undefined;
let sandbox: Sandbox;
let sandboxUrl: string;
let publicUrl: string;
const apps: ChildProcess[] = [];
const appUrls: string[] = [];

async function startApp(port: number, env: NodeJS.ProcessEnv): Promise<string> {
  const url = `http://localhost:${port}`;
  apps.push(
    spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...env, PORT: String(port) },
      stdio: 'ignore',
    }),
  );
  for (let tries = 0; tries < 300; tries += 1) {
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return url;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the app server on ${url} did not start`);
}

beforeAll(async () => {
  if (testDatabaseUrl === undefined) return;
  schema = await createPostgresTestSchema(testDatabaseUrl);
  const ports = [await freePort(), await freePort()];
  // Both processes sit behind one public URL, as behind a load balancer, and share the app key.
  publicUrl = `http://localhost:${ports[0]}`;
  sandboxServer = createServer();
  await new Promise<void>((resolve) => sandboxServer?.listen(0, '127.0.0.1', resolve));
  sandboxUrl = `http://localhost:${(sandboxServer.address() as AddressInfo).port}`;
  sandbox = await createSandbox(
    loadSandboxConfig({ SANDBOX_PUBLIC_URL: sandboxUrl, PUBLIC_URL: publicUrl, DATA_DIR: dataDir }),
  );
  sandboxServer.on('request', sandbox.app);
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const env = {
    ...process.env,
    PUBLIC_URL: publicUrl,
    DATA_DIR: dataDir,
    DATABASE_URL: schema.url,
    APP_SIGNING_KEY: JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'admin-two' }),
    SANDBOX_PUBLIC_URL: sandboxUrl,
    ADMIN_TOKEN,
    LOG_LEVEL: 'silent',
  };
  appUrls.push(...(await Promise.all(ports.map((port) => startApp(port, env)))));
}, 60_000);

afterAll(async () => {
  await Promise.all(
    apps.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) {
            resolve(undefined);
            return;
          }
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
  sandboxServer?.closeAllConnections();
  if (sandboxServer) await new Promise((resolve) => sandboxServer?.close(resolve));
  await schema?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

test.skipIf(testDatabaseUrl === undefined)(
  `a tenant disabled through one app process is refused by the other at once, on PostgreSQL${testDatabaseUrl === undefined ? ` (${skipReason})` : ''}`,
  { timeout: 60_000 },
  async () => {
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
