import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox } from './sandbox-app';
import { loadSandboxConfig } from './sandbox-config';

interface Running {
  url: string;
  server: Server;
  dataDir: string;
}

const running: Running[] = [];
let first: Running;
let second: Running;

/** One sandbox on a loopback port with its own data directory, as `npm start` runs each. */
async function startSandbox(env: NodeJS.ProcessEnv): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chartside-sandbox-'));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  const sandbox = await createSandbox(
    loadSandboxConfig({
      ...env,
      SANDBOX_PUBLIC_URL: url,
      PUBLIC_URL: 'http://localhost:3999',
      DATA_DIR: dataDir,
    }),
  );
  server.on('request', sandbox.app);
  const started = { url, server, dataDir };
  running.push(started);
  return started;
}

beforeAll(async () => {
  first = await startSandbox({});
  second = await startSandbox({
    SANDBOX_CLIENT_ID: 'chartside-second',
    SANDBOX_NAME: 'Second sandbox EHR',
  });
});
afterAll(async () => {
  for (const { server, dataDir } of running) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
});

async function json(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** The authorize endpoint's answer to a standalone launch by `clientId`: a sign-in page, or not. */
async function authorizeAs(sandbox: Running, clientId: string): Promise<Response> {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: 'http://localhost:3999/app/',
    scope: 'launch/patient openid fhirUser patient/*.rs',
    state: 'state-1',
    aud: `${sandbox.url}/fhir`,
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  });
  return fetch(`${sandbox.url}/auth/authorize?${query.toString()}`, { redirect: 'manual' });
}

test('two sandboxes side by side publish different issuers and signing keys', async () => {
  const [one, two] = await Promise.all(
    [first, second].map((s) => json(`${s.url}/fhir/.well-known/smart-configuration`)),
  );
  expect(one?.issuer).toBe(`${first.url}/auth`);
  expect(two?.issuer).toBe(`${second.url}/auth`);

  const [keysOne, keysTwo] = await Promise.all(
    [first, second].map(async (s) => (await json(`${s.url}/auth/jwks`)).keys as { n: string }[]),
  );
  expect(keysOne?.[0]?.n).toBeDefined();
  expect(keysOne?.[0]?.n).not.toBe(keysTwo?.[0]?.n);
});

test('each sandbox knows only its own client id', async () => {
  const own = await authorizeAs(second, 'chartside-second');
  const other = await authorizeAs(second, 'chartside-sandbox');

  expect(own.status).toBe(200);
  expect(await own.text()).toContain('Second sandbox EHR sign-in');
  expect(other.status).toBe(400);
  expect(await other.text()).toContain('This app is not registered with the sandbox EHR.');
});

test('the second sandbox shows its name in the top bar so a person can tell them apart', async () => {
  const named = await (await fetch(`${second.url}/`)).text();
  const plain = await (await fetch(`${first.url}/`)).text();

  expect(named).toContain('<title>Patients · Second sandbox EHR</title>');
  expect(named).toMatch(/<a class="product" href="[^"]*">Second sandbox EHR<\/a>/);
  expect(plain).toMatch(/<a class="product" href="[^"]*">Sandbox EHR<\/a>/);
});
