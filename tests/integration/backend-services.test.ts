import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from '../../launch/sandbox/sandbox-app';
import { loadSandboxConfig } from '../../launch/sandbox/sandbox-config';
import { DEFAULT_BACKEND_SCOPE, type BackendServices } from '../../core/tenant';
import { loadAppKeys, type AppKeys } from '../../server/auth/app-keys';
import {
  BackendTokenClient,
  BackendTokenRejected,
} from '../../server/outcomes/fhir-pull/backend-token';

let dataDir: string;
let keys: AppKeys;
let sandbox: Sandbox;
const servers: Server[] = [];
/** Requests the sandbox made for our JWKS: proof it checks assertions against the app's keys. */
let jwksFetches = 0;

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'chartside-backend-'));
  keys = await loadAppKeys({ dataDir });
  // The app's /.well-known/jwks.json, served exactly as app.ts serves it.
  const appUrl = await listen(
    createServer((req, res) => {
      if (req.url !== '/.well-known/jwks.json') {
        res.writeHead(404).end();
        return;
      }
      jwksFetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(keys.jwks));
    }),
  );
  const sandboxServer = createServer();
  const sandboxUrl = await listen(sandboxServer);
  sandbox = await createSandbox(
    loadSandboxConfig({
      SANDBOX_PUBLIC_URL: sandboxUrl,
      PUBLIC_URL: appUrl,
      DATA_DIR: dataDir,
      SANDBOX_PANEL_SIZE: '0',
    }),
  );
  sandboxServer.on('request', sandbox.app);
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const registration = (algorithm: BackendServices['algorithm']): BackendServices => ({
  clientId: 'chartside-backend',
  scope: DEFAULT_BACKEND_SCOPE,
  algorithm,
});

async function rejection(promise: Promise<unknown>): Promise<BackendTokenRejected> {
  const error = await promise.then(
    () => new Error('expected a refusal'),
    (caught: unknown) => caught as Error,
  );
  if (!(error instanceof BackendTokenRejected)) throw error;
  return error;
}

test.each(['ES384', 'RS384'] as const)(
  'the sandbox token endpoint accepts our %s assertion, found through discovery, and the token reads FHIR',
  async (algorithm) => {
    const token = await new BackendTokenClient(keys).accessToken({
      iss: sandbox.urls.fhirBaseUrl,
      backendServices: registration(algorithm),
    });
    expect(jwksFetches).toBeGreaterThan(0);
    const response = await fetch(`${sandbox.urls.fhirBaseUrl}/Encounter?_count=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
  },
);

test.each(['ES384', 'RS384'] as const)(
  'an %s assertion signed by a key outside our JWKS, under our kid, is rejected',
  async (algorithm) => {
    const own = keys.clientAssertion[algorithm]!;
    const { privateKey } = await generateKeyPair(algorithm, { modulusLength: 2048 });
    const impostor: AppKeys = {
      ...keys,
      clientAssertion: { [algorithm]: { kid: own.kid, alg: algorithm, privateKey } },
    };
    const error = await rejection(
      new BackendTokenClient(impostor).accessToken({
        iss: sandbox.urls.fhirBaseUrl,
        backendServices: registration(algorithm),
      }),
    );
    expect(error.code).toBe('BACKEND_TOKEN_REJECTED');
    expect(error.oauthError).toBe('invalid_client');
  },
);

test('an assertion for a client id the sandbox does not know is rejected', async () => {
  const error = await rejection(
    new BackendTokenClient(keys).accessToken({
      iss: sandbox.urls.fhirBaseUrl,
      backendServices: { ...registration('ES384'), clientId: 'someone-else' },
    }),
  );
  expect(error.oauthError).toBe('invalid_client');
});

test('a second token request is not taken for a replay (every assertion has a fresh jti)', async () => {
  const tenant = { iss: sandbox.urls.fhirBaseUrl, backendServices: registration('ES384') };
  const tokens = [
    await new BackendTokenClient(keys).accessToken(tenant),
    await new BackendTokenClient(keys).accessToken(tenant),
  ];
  expect(tokens).toEqual([expect.any(String), expect.any(String)]);
});
