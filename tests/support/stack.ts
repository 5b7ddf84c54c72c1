import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../../launch/sandbox/sandbox-app';
import { loadSandboxConfig } from '../../launch/sandbox/sandbox-config';
import { createApp } from '../../server/app';
import { loadAppKeys, type AppKeys } from '../../server/auth/app-keys';
import { TenantDiscovery } from '../../server/auth/tenant-discovery';
import { loadConfig, type AppConfig } from '../../server/config';
import { LedgerStore } from '../../server/credits/ledger-store';
import { createLogger } from '../../server/http/logger';
import { loadCaseLibrary, type CaseLibrary } from '../../server/library/case-library';
import { openDatabase, type Database } from '../../server/store/database';
import { registerConfiguredTenants } from '../../server/tenants/register-tenants';
import { TenantStore } from '../../server/tenants/tenant-store';
import { prepareOutcomes, type PreparedOutcomes } from './outcomes-setup';

export interface Stack {
  appUrl: string;
  /** Where both servers keep their keys and database for this run. */
  dataDir: string;
  sandboxUrl: string;
  sandbox: Sandbox;
  /** With `secondSandbox`: another EHR (own issuer, keys and client id), not registered. */
  secondSandboxUrl?: string;
  secondSandbox?: Sandbox;
  tenants: TenantStore;
  db: Database;
  config: AppConfig;
  keys: AppKeys;
  library: CaseLibrary;
  ledger: LedgerStore;
  /** With `demoOutcomes`: the sandbox panel's demo credits and the first outcomes run. */
  outcomes?: PreparedOutcomes;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

/**
 * The real sandbox EHR and the real app server on loopback ports, wired to each other exactly
 * as `npm start` wires them, with a throwaway data directory.
 */
export async function startStack(
  options: {
    tokenTtlSeconds?: number;
    env?: NodeJS.ProcessEnv;
    secondSandbox?: boolean;
    /** Record the panel's demo credits and run the outcomes job once, as `npm start` does. */
    demoOutcomes?: boolean;
  } = {},
): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chartside-stack-'));
  const appServer = createServer();
  const sandboxServer = createServer();
  const appUrl = await listen(appServer);
  const sandboxUrl = await listen(sandboxServer);
  const sandbox = await createSandbox(
    loadSandboxConfig({
      SANDBOX_PUBLIC_URL: sandboxUrl,
      PUBLIC_URL: appUrl,
      DATA_DIR: dataDir,
      SANDBOX_TOKEN_TTL_SECONDS: String(options.tokenTtlSeconds ?? 3600),
    }),
  );
  const config = loadConfig({
    PUBLIC_URL: appUrl,
    DATA_DIR: dataDir,
    SANDBOX_PUBLIC_URL: sandboxUrl,
    LOG_LEVEL: 'silent',
    // As `npm start`: the library's cases await review, and the demo credits need them credited.
    ...(options.demoOutcomes === true && { CREDIT_UNREVIEWED_CONTENT: 'allow' }),
    ...options.env,
  });
  const db = await openDatabase(config.database);
  const tenants = new TenantStore(db);
  await registerConfiguredTenants(config, tenants);
  const library = await loadCaseLibrary(config.library);
  const keys = await loadAppKeys({ dataDir });
  const discovery = new TenantDiscovery();
  const ledger = new LedgerStore(db);
  appServer.on(
    'request',
    createApp(config, {
      logger: createLogger('silent'),
      tenants,
      library,
      keys,
      discovery,
      ledger,
      db,
    }),
  );
  sandboxServer.on('request', sandbox.app);
  const second = options.secondSandbox ? await startSecondSandbox(appUrl, dataDir) : undefined;
  const stack: Stack = {
    appUrl,
    dataDir,
    sandboxUrl,
    sandbox,
    ...(second && { secondSandboxUrl: second.url, secondSandbox: second.sandbox }),
    tenants,
    db,
    config,
    keys,
    library,
    ledger,
    async close() {
      for (const server of [appServer, sandboxServer, ...(second ? [second.server] : [])]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (options.demoOutcomes === true) {
    try {
      stack.outcomes = await prepareOutcomes(stack);
    } catch (error) {
      await stack.close();
      throw error;
    }
  }
  return stack;
}

/** The second sandbox EHR as `npm start` runs it: its own keys, issuer and client id. */
async function startSecondSandbox(
  appUrl: string,
  dataDir: string,
): Promise<{ url: string; sandbox: Sandbox; server: Server }> {
  const server = createServer();
  const url = await listen(server);
  const sandbox = await createSandbox(
    loadSandboxConfig({
      SANDBOX_PUBLIC_URL: url,
      PUBLIC_URL: appUrl,
      DATA_DIR: join(dataDir, 'second-sandbox'),
      SANDBOX_CLIENT_ID: 'chartside-second-sandbox',
      SANDBOX_NAME: 'Second sandbox EHR',
    }),
  );
  server.on('request', sandbox.app);
  return { url, sandbox, server };
}
