import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from '../../launch/sandbox/sandbox-app';
import { loadSandboxConfig } from '../../launch/sandbox/sandbox-config';
import { loadCaseLibrary } from '../../server/library/case-library';
import { completionBody } from '../support/completion-body';
import { freePort } from '../support/processes';
import { learnerSession } from '../support/learner-session';

const dataDir = mkdtempSync(join(tmpdir(), 'chartside-crash-'));
let sandboxServer: Server;
let sandbox: Sandbox;
let appUrl: string;
let port: number;
let app: ChildProcess | undefined;

/** The real app server as its own process, as `npm start` runs it. */
async function startApp(): Promise<void> {
  // One process (tsx's CLI would fork a child that SIGKILL of the parent leaves running).
  app = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      PUBLIC_URL: appUrl,
      DATA_DIR: dataDir,
      SANDBOX_PUBLIC_URL: sandbox.urls.publicUrl,
      CREDIT_UNREVIEWED_CONTENT: 'allow',
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  for (let tries = 0; tries < 200; tries += 1) {
    const up = await fetch(`${appUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the app server did not start');
}

function killApp(): Promise<void> {
  const child = app;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

beforeAll(async () => {
  port = await freePort();
  appUrl = `http://localhost:${port}`;
  sandboxServer = createServer();
  await new Promise<void>((resolve) => sandboxServer.listen(0, '127.0.0.1', resolve));
  const sandboxUrl = `http://localhost:${(sandboxServer.address() as AddressInfo).port}`;
  sandbox = await createSandbox(
    loadSandboxConfig({ SANDBOX_PUBLIC_URL: sandboxUrl, PUBLIC_URL: appUrl, DATA_DIR: dataDir }),
  );
  sandboxServer.on('request', sandbox.app);
  await startApp();
}, 60_000);
afterAll(async () => {
  await killApp();
  sandboxServer.closeAllConnections();
  await new Promise((resolve) => sandboxServer.close(resolve));
});

test(
  'SIGKILL during concurrent completions loses no acknowledged credit and duplicates none',
  { timeout: 120_000 },
  async () => {
    const sepsis = (
      await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' })
    ).cases.find((c) => c.topic === 'sepsis')!;
    const learner = await learnerSession({ sandbox, appUrl }, 'maria-santos');
    const submit = (attemptId: string): Promise<string | undefined> =>
      fetch(`${appUrl}/api/completions`, {
        method: 'POST',
        headers: learner.headers,
        body: JSON.stringify(completionBody(sepsis, learner, { attemptId })),
      }).then(
        async (response) =>
          response.ok
            ? ((await response.json()) as { credit: { id: string } }).credit.id
            : undefined,
        () => undefined,
      );

    const acknowledged = new Map<string, string>();
    const attempts: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const batch = Array.from({ length: 150 }, () => crypto.randomUUID());
      attempts.push(...batch);
      const results = batch.map(async (attemptId) => {
        const creditId = await submit(attemptId);
        if (creditId !== undefined) acknowledged.set(attemptId, creditId);
      });
      // Kill once some of this batch are acknowledged and the rest are in flight.
      const before = acknowledged.size;
      while (acknowledged.size < before + 10 + round * 10)
        await new Promise((resolve) => setTimeout(resolve, 2));
      await killApp();
      await Promise.all(results);
      await startApp();
    }
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThan(attempts.length);

    // Every client retries what it sent: acknowledged attempts come back with the same credit.
    for (const attemptId of attempts) {
      const creditId = await submit(attemptId);
      expect(creditId).toBeDefined();
      if (acknowledged.has(attemptId)) expect(creditId).toBe(acknowledged.get(attemptId));
    }
    const transcript = (await (
      await fetch(`${appUrl}/api/credits`, { headers: learner.headers })
    ).json()) as {
      credits: { attemptId: string }[];
    };
    const perAttempt = new Map<string, number>();
    for (const credit of transcript.credits)
      perAttempt.set(credit.attemptId, (perAttempt.get(credit.attemptId) ?? 0) + 1);
    expect(perAttempt.size).toBe(attempts.length);
    expect([...perAttempt.values()].every((n) => n === 1)).toBe(true);

    await killApp();
    const verify = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/ledger-verify.ts'],
      {
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      },
    );
    expect(verify.status, verify.stderr).toBe(0);
  },
);
