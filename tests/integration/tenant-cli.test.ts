import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from '../../launch/sandbox/sandbox-app';
import { loadSandboxConfig } from '../../launch/sandbox/sandbox-config';
import { openDatabase } from '../../server/store/database';
import { TenantStore } from '../../server/tenants/tenant-store';
import { closeServer, listen } from '../support/admin-stack';
import { freePort } from '../support/processes';

const PUBLIC_URL = 'https://chartside.example.org';
const dataDir = mkdtempSync(join(tmpdir(), 'chartside-cli-'));
let sandboxServer: Server;
let sandbox: Sandbox;
let iss: string;

beforeAll(async () => {
  sandboxServer = createServer();
  const url = await listen(sandboxServer);
  sandbox = await createSandbox(
    loadSandboxConfig({ SANDBOX_PUBLIC_URL: url, PUBLIC_URL, DATA_DIR: join(dataDir, 'ehr') }),
  );
  sandboxServer.on('request', sandbox.app);
  iss = sandbox.urls.fhirBaseUrl;
});
afterAll(async () => {
  await closeServer(sandboxServer);
  rmSync(dataDir, { recursive: true, force: true });
});

/** `npm run tenant -- …` in its own process, on the SQLite store in the temporary DATA_DIR. */
function tenant(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/tenant.ts', ...args], {
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PUBLIC_URL,
      USER: 'dana',
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.once('close', (status) => resolve({ status, stdout, stderr })),
  );
}

const add = (extra: string[] = [], env: NodeJS.ProcessEnv = {}) =>
  tenant(
    [
      'add',
      '--iss',
      iss,
      '--name',
      'Sandbox by CLI',
      '--vendor',
      'smart-sandbox',
      '--client-id',
      'chartside-sandbox',
      '--frame-origin',
      new URL(iss).origin,
      ...extra,
    ],
    env,
  );

test('add registers an EHR by its FHIR base after reading its discovery', async () => {
  const added = await add([
    '--production-client-id',
    'chartside-sandbox',
    '--non-production-client-id',
    'chartside-sandbox-test',
    '--backend-client-id',
    'chartside-backend',
    '--backend-alg',
    'RS384',
    '--backend-file-origin',
    'https://exports.blob.example',
  ]);
  expect([added.status, added.stderr]).toEqual([0, '']);
  const db = await openDatabase({ dataDir });
  try {
    const stored = await new TenantStore(db).findByIss(iss);
    expect(stored?.clientIds).toEqual({
      production: 'chartside-sandbox',
      'non-production': 'chartside-sandbox-test',
    });
    expect(stored?.backendServices).toMatchObject({
      clientId: 'chartside-backend',
      algorithm: 'RS384',
      fileOrigins: ['https://exports.blob.example'],
    });
  } finally {
    await db.destroy();
  }
  expect(added.stdout).toMatch(new RegExp(`^Added Sandbox by CLI \\(${iss}\\) as [\\w-]+\\n$`));
  const listed = await tenant(['list']);
  expect(listed.stdout).toMatch(
    new RegExp(
      `^active\\tsmart-sandbox\\t${iss}\\tSandbox by CLI\\tchartside-sandbox\\t[\\w-]+\\n$`,
    ),
  );
});

test('bad input exits 1 with the reason, and nothing is saved', { timeout: 60_000 }, async () => {
  const duplicate = await add();
  expect([duplicate.status, duplicate.stderr]).toEqual([
    1,
    `error: An EHR is already registered with the FHIR base ${iss}; edit that tenant instead (TENANT_ALREADY_REGISTERED)\n`,
  ]);
  const down = `http://127.0.0.1:${await freePort()}/fhir`;
  const unreachable = await tenant(['add', '--iss', down, '--name', 'Down', '--client-id', 'x']);
  expect(unreachable.status).toBe(1);
  expect(unreachable.stderr).toContain('(DISCOVERY_UNREACHABLE)');
  const plain = await tenant(
    ['add', '--iss', 'http://ehr.example.org/fhir', '--name', 'Plain', '--client-id', 'x'],
    { NODE_ENV: 'production' },
  );
  expect(plain.stderr).toBe(
    'error: The FHIR base must use https in production: http://ehr.example.org/fhir (ISSUER_NOT_HTTPS)\n',
  );
  const nameless = await tenant([
    'add',
    '--iss',
    'https://ehr.example.org/fhir',
    '--client-id',
    'x',
  ]);
  expect([nameless.status, nameless.stderr]).toEqual([
    1,
    'error: ✖ Invalid input: expected string, received undefined\n  → at name (REQUEST_INVALID)\n',
  ]);
  expect((await tenant(['list'])).stdout.split('\n').filter(Boolean)).toHaveLength(1);
  expect((await tenant(['audit'])).stdout.split('\n').filter(Boolean)).toHaveLength(1);
});

test(
  'disable and enable by FHIR base or id are audited as the CLI user',
  { timeout: 60_000 },
  async () => {
    const disabled = await tenant(['disable', iss]);
    expect([disabled.status, disabled.stdout]).toEqual([0, `Disabled Sandbox by CLI (${iss})\n`]);
    const id = (await tenant(['list'])).stdout.trim().split('\t')[5] ?? '';
    expect((await tenant(['list'])).stdout).toMatch(/^disabled\t/);
    expect((await tenant(['enable', id])).status).toBe(0);
    const audit = (await tenant(['audit', iss])).stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t').slice(1, 3));
    expect(audit).toEqual([
      ['cli:dana', 'tenant.enabled'],
      ['cli:dana', 'tenant.disabled'],
      ['cli:dana', 'tenant.created'],
    ]);
  },
);

test('sheet prints what the EHR portal asks for, from PUBLIC_URL', async () => {
  const sheet = await tenant(['sheet', iss]);
  expect(sheet.status).toBe(0);
  expect(sheet.stdout).toContain(`Launch URL (EHR launch): ${PUBLIC_URL}/launch\n`);
  expect(sheet.stdout).toContain(`Redirect URL: ${PUBLIC_URL}/app/\n`);
  expect(sheet.stdout).toContain(`JWKS URL: ${PUBLIC_URL}/.well-known/jwks.json\n`);
});

test(
  'an unknown tenant exits 1 and wrong usage exits 2 with the usage',
  { timeout: 60_000 },
  async () => {
    const unknown = await tenant(['disable', 'https://nowhere.example.org/fhir']);
    expect([unknown.status, unknown.stderr]).toEqual([
      1,
      'error: No EHR is registered as https://nowhere.example.org/fhir (TENANT_NOT_REGISTERED)\n',
    ]);
    for (const args of [
      [],
      ['remove', iss],
      ['add', '--bogus'],
      ['disable'],
      ['add', '--iss', iss, '--backend-alg', 'RS384'],
      ['add', '--iss', iss, '--backend-file-origin', 'https://exports.blob.example'],
    ]) {
      const wrong = await tenant(args);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain('Usage: npm run tenant -- <command>');
    }
  },
);
