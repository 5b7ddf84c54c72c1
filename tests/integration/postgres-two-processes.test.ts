import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from '../../launch/sandbox/sandbox-app';
import { loadSandboxConfig } from '../../launch/sandbox/sandbox-config';
import { loadCaseLibrary } from '../../server/library/case-library';
import {
  createPostgresTestSchema,
  testDatabaseUrl,
  type PostgresTestSchema,
} from '../../server/store/test-stores';
import { completionBody } from '../support/completion-body';
import { freePort } from '../support/processes';
import { launchTokens } from '../support/smart-client';

const skipReason = 'skipped: set TEST_DATABASE_URL=postgres://… to run';
const dataDir = mkdtempSync(join(tmpdir(), 'chartside-pg-two-'));
let schema: PostgresTestSchema | undefined;
let sandboxServer: Server | undefined;
let sandbox: Sandbox;
const apps: ChildProcess[] = [];
const appUrls: string[] = [];
let env: NodeJS.ProcessEnv;

async function startApp(port: number): Promise<string> {
  const url = `http://localhost:${port}`;
  apps.push(
    spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...env, PORT: String(port) },
      stdio: 'ignore',
    }),
  );
  for (let tries = 0; tries < 300; tries += 1) {
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return url;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the app server on ${url} did not start`);
}

beforeAll(async () => {
  if (testDatabaseUrl === undefined) return;
  schema = await createPostgresTestSchema(testDatabaseUrl);
  const ports = [await freePort(), await freePort()];
  // Both processes sit behind one public URL, as behind a load balancer, and share the app key.
  const publicUrl = `http://localhost:${ports[0]}`;
  sandboxServer = createServer();
  await new Promise<void>((resolve) => sandboxServer?.listen(0, '127.0.0.1', resolve));
  const sandboxUrl = `http://localhost:${(sandboxServer.address() as AddressInfo).port}`;
  sandbox = await createSandbox(
    loadSandboxConfig({ SANDBOX_PUBLIC_URL: sandboxUrl, PUBLIC_URL: publicUrl, DATA_DIR: dataDir }),
  );
  sandboxServer.on('request', sandbox.app);
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  env = {
    ...process.env,
    PUBLIC_URL: publicUrl,
    DATA_DIR: dataDir,
    DATABASE_URL: schema.url,
    APP_SIGNING_KEY: JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'two-processes' }),
    SANDBOX_PUBLIC_URL: sandboxUrl,
    CREDIT_UNREVIEWED_CONTENT: 'allow',
    LOG_LEVEL: 'silent',
  };
  appUrls.push(...(await Promise.all(ports.map(startApp))));
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
  `two app processes writing completions to one PostgreSQL keep one valid ledger chain${testDatabaseUrl === undefined ? ` (${skipReason})` : ''}`,
  { timeout: 120_000 },
  async () => {
    const [first, second] = appUrls as [string, string];
    const sepsis = (
      await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' })
    ).cases.find((c) => c.topic === 'sepsis')!;
    const { body: tokens, accessToken } = await launchTokens(sandbox, first, {
      patient: 'maria-santos',
      encounter: 'maria-santos-encounter',
      practitioner: sandbox.practitioners[0]!.id!,
    });
    const session = (await (
      await fetch(`${first}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ iss: sandbox.urls.fhirBaseUrl, idToken: tokens.id_token }),
      })
    ).json()) as { sessionToken: string };
    const headers = {
      authorization: `Bearer ${session.sessionToken}`,
      'content-type': 'application/json',
    };
    const launched = {
      patient: 'maria-santos',
      encounter: 'Encounter/maria-santos-encounter',
      accessToken,
    };
    const submit = async (appUrl: string, attemptId: string): Promise<string> => {
      const response = await fetch(`${appUrl}/api/completions`, {
        method: 'POST',
        headers,
        body: JSON.stringify(completionBody(sepsis, launched, { attemptId })),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      return ((await response.json()) as { credit: { id: string } }).credit.id;
    };

    // 60 attempts, each sent to both processes at the same moment.
    const attempts = Array.from({ length: 60 }, () => crypto.randomUUID());
    const answers = await Promise.all(
      attempts.map((attemptId) =>
        Promise.all([submit(first, attemptId), submit(second, attemptId)]),
      ),
    );
    for (const [fromFirst, fromSecond] of answers) expect(fromFirst).toBe(fromSecond);

    const transcript = (await (await fetch(`${second}/api/credits`, { headers })).json()) as {
      credits: { attemptId: string }[];
    };
    expect(transcript.credits.map((c) => c.attemptId).sort()).toEqual([...attempts].sort());

    const verify = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/ledger-verify.ts'],
      { env, encoding: 'utf8' },
    );
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toBe('Ledger verified: 60 rows, chain and receipts intact.\n');
  },
);
