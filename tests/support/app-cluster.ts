import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { createSandbox, type Sandbox } from '../../launch/sandbox/sandbox-app';
import { loadSandboxConfig } from '../../launch/sandbox/sandbox-config';
import { createPostgresTestSchema } from '../../server/store/test-stores';
import { freePort, waitFor } from './processes';

export interface AppCluster {
  sandbox: Sandbox;
  sandboxUrl: string;
  /** Where the sandbox keeps its keys (its CDS client key among them). */
  dataDir: string;
  /** The URL both app processes answer for, as behind a load balancer. */
  publicUrl: string;
  /** Each app process's own address. */
  appUrls: string[];
  /** The environment the app processes run with (DATABASE_URL, APP_SIGNING_KEY, …). */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/**
 * Two app server processes on one PostgreSQL schema of their own, behind one public URL and
 * sharing the app key (as several instances behind a load balancer), with the real sandbox EHR
 * in this process registered as their tenant.
 */
export async function startAppCluster(
  testDatabaseUrl: string,
  env: NodeJS.ProcessEnv = {},
): Promise<AppCluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chartside-cluster-'));
  const schema = await createPostgresTestSchema(testDatabaseUrl);
  const ports = [await freePort(), await freePort()];
  const publicUrl = `http://localhost:${ports[0]}`;
  const sandboxServer = createServer();
  await new Promise<void>((resolve) => sandboxServer.listen(0, '127.0.0.1', resolve));
  const sandboxUrl = `http://localhost:${(sandboxServer.address() as AddressInfo).port}`;
  const sandbox = await createSandbox(
    loadSandboxConfig({ SANDBOX_PUBLIC_URL: sandboxUrl, PUBLIC_URL: publicUrl, DATA_DIR: dataDir }),
  );
  sandboxServer.on('request', sandbox.app);
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const common = {
    ...process.env,
    PUBLIC_URL: publicUrl,
    DATA_DIR: dataDir,
    DATABASE_URL: schema.url,
    APP_SIGNING_KEY: JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'cluster' }),
    SANDBOX_PUBLIC_URL: sandboxUrl,
    LOG_LEVEL: 'silent',
    ...env,
  };
  const apps: ChildProcess[] = ports.map((port) =>
    spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...common, PORT: String(port) },
      stdio: 'ignore',
    }),
  );
  const appUrls = ports.map((port) => `http://localhost:${port}`);
  await Promise.all(appUrls.map((url) => waitFor(`${url}/healthz`)));
  return {
    sandbox,
    sandboxUrl,
    dataDir,
    publicUrl,
    appUrls,
    env: common,
    async close() {
      await Promise.all(
        apps.map(
          (child) =>
            new Promise((resolve) => {
              if (child.exitCode !== null) resolve(undefined);
              else {
                child.once('exit', resolve);
                child.kill('SIGTERM');
              }
            }),
        ),
      );
      sandboxServer.closeAllConnections();
      await new Promise((resolve) => sandboxServer.close(resolve));
      await schema.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
