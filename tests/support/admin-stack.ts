import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../../launch/sandbox/sandbox-app';
import { loadSandboxConfig } from '../../launch/sandbox/sandbox-config';
import { createApp } from '../../server/app';
import { loadAppKeys } from '../../server/auth/app-keys';
import { TenantDiscovery } from '../../server/auth/tenant-discovery';
import { loadConfig } from '../../server/config';
import { LedgerStore } from '../../server/credits/ledger-store';
import { createLogger } from '../../server/http/logger';
import { loadCaseLibrary } from '../../server/library/case-library';
import type { Stack } from './stack';

export const ADMIN_TOKEN = 'admin-token-for-the-admin-api-integration-tests';

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** Another app server on the stack's store, with its own settings (admin API off, production). */
export async function extraApp(
  stack: Stack,
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; server: Server }> {
  const server = createServer();
  const url = await listen(server);
  const config = loadConfig({
    PUBLIC_URL: url,
    DATA_DIR: stack.dataDir,
    LOG_LEVEL: 'silent',
    ...env,
  });
  server.on(
    'request',
    createApp(config, {
      logger: createLogger('silent'),
      tenants: stack.tenants,
      library: await loadCaseLibrary(config.library),
      keys: await loadAppKeys({ dataDir: stack.dataDir }),
      discovery: new TenantDiscovery(),
      ledger: new LedgerStore(stack.db),
      db: stack.db,
    }),
  );
  return { url, server };
}

export interface SecondSandbox {
  sandbox: Sandbox;
  url: string;
  dataDir: string;
  clientId: string;
  close(): Promise<void>;
}

/** A second sandbox EHR: its own URL (so its own `iss`), keys and client id for the same app. */
export async function startSecondSandbox(appUrl: string): Promise<SecondSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chartside-second-ehr-'));
  const server = createServer();
  const url = await listen(server);
  const clientId = 'chartside-second-ehr';
  const sandbox = await createSandbox(
    loadSandboxConfig({
      SANDBOX_PUBLIC_URL: url,
      PUBLIC_URL: appUrl,
      DATA_DIR: dataDir,
      SANDBOX_CLIENT_ID: clientId,
    }),
  );
  server.on('request', sandbox.app);
  return {
    sandbox,
    url,
    dataDir,
    clientId,
    async close() {
      await closeServer(server);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Serves crafted smart-configurations: `/{name}/fhir/.well-known/smart-configuration`. */
export async function startDiscoveryServer(
  documents: (base: string) => Record<string, Record<string, unknown>>,
): Promise<{ base: string; close(): Promise<void> }> {
  let base = '';
  const server = createServer((req, res) => {
    const name = /^\/([\w-]+)\/fhir\/\.well-known\/smart-configuration$/.exec(req.url ?? '')?.[1];
    const document = name === undefined ? undefined : documents(base)[name];
    res.statusCode = document ? 200 : 404;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(document ?? {}));
  });
  base = await listen(server);
  return { base, close: () => closeServer(server) };
}

/** A smart-configuration with everything Chartside asks for, at `{base}/{name}`. */
export function completeDiscovery(base: string, name: string): Record<string, unknown> {
  return {
    issuer: `${base}/${name}/oidc`,
    jwks_uri: `${base}/${name}/oidc/jwks`,
    authorization_endpoint: `${base}/${name}/oidc/authorize`,
    token_endpoint: `${base}/${name}/oidc/token`,
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'fhirUser', 'launch', 'patient/*.rs'],
    capabilities: [
      'launch-ehr',
      'client-public',
      'context-ehr-encounter',
      'sso-openid-connect',
      'permission-v2',
    ],
  };
}

export function adminFetch(
  appUrl: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string; actor?: string } = {},
): Promise<Response> {
  return fetch(`${appUrl}/api/admin${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${init.token ?? ADMIN_TOKEN}`,
      ...(init.actor !== undefined && { 'x-admin-actor': init.actor }),
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
}

/** The OperationOutcome's code and text. */
export async function outcome(response: Response): Promise<[number, string, string]> {
  const body = (await response.json()) as {
    issue: { details: { coding: { code: string }[]; text: string } }[];
  };
  const details = body.issue[0]?.details;
  return [response.status, details?.coding[0]?.code ?? '', details?.text ?? ''];
}
