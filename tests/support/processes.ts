import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxUrls, type SandboxUrls } from '../../launch/sandbox/auth/smart-configuration';

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Resolves once `url` answers 2xx; a server that never comes up fails after ~15 s. */
export async function waitFor(url: string): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not come up`);
}

export interface Processes {
  appUrl: string;
  sandbox: { urls: SandboxUrls };
  stop(): Promise<void>;
}

/**
 * The sandbox EHR and the app server as separate processes (one Node process each, as
 * `npm start` runs them), so a load generator in this process does not share their event loop.
 */
export async function startProcesses(env: NodeJS.ProcessEnv = {}): Promise<Processes> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chartside-procs-'));
  const [port, sandboxPort] = await Promise.all([freePort(), freePort()]);
  const appUrl = `http://localhost:${port}`;
  const sandboxUrl = `http://localhost:${sandboxPort}`;
  const common = {
    ...process.env,
    DATA_DIR: dataDir,
    PUBLIC_URL: appUrl,
    SANDBOX_PUBLIC_URL: sandboxUrl,
    LOG_LEVEL: 'silent',
    ...env,
  };
  // APP_NODE_FLAGS passes e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to the app server for profiling.
  const children: ChildProcess[] = [
    spawn(process.execPath, ['--import', 'tsx', 'launch/sandbox/main.ts'], {
      env: { ...common, SANDBOX_PORT: String(sandboxPort) },
      stdio: 'ignore',
    }),
    spawn(
      process.execPath,
      [...(process.env.APP_NODE_FLAGS?.split(' ') ?? []), '--import', 'tsx', 'server/main.ts'],
      {
        env: { ...common, PORT: String(port) },
        stdio: 'ignore',
      },
    ),
  ];
  await Promise.all([waitFor(`${appUrl}/healthz`), waitFor(`${sandboxUrl}/fhir/metadata`)]);
  return {
    appUrl,
    sandbox: { urls: sandboxUrls(sandboxUrl) },
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise((resolve) => {
              child.once('exit', resolve);
              child.kill('SIGTERM');
            }),
        ),
      );
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
