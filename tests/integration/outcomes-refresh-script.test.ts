import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PANEL_LEARNING } from '../../launch/sandbox/panel/panel-learning';
import { OutcomeStore } from '../../server/outcomes/outcome-store';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } });
}, 120_000);
afterAll(() => stack.close());

/** `npm run outcomes:refresh -- …` in its own process, on the stack's SQLite store. */
function refresh(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/outcomes-refresh.ts', ...args],
    {
      env: {
        PATH: process.env.PATH,
        DATA_DIR: stack.dataDir,
        PUBLIC_URL: stack.appUrl,
        SANDBOX_PUBLIC_URL: stack.sandboxUrl,
        CREDIT_UNREVIEWED_CONTENT: 'allow',
        LOG_LEVEL: 'silent',
        ...env,
      },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

test('with SANDBOX_DEMO_CREDITS=off, --demo-credits records nothing and the job finds no credit', async () => {
  const run = await refresh(['--demo-credits'], { SANDBOX_DEMO_CREDITS: 'off' });
  expect(run.stderr).toBe('');
  expect(run.stdout).not.toMatch(/demo credits/i);
  expect(run.stdout).toMatch(/no credits with a computed measure/);
  expect(run.status).toBe(0);
  expect(await stack.ledger.all()).toEqual([]);
});

test('--demo-credits records the panel’s credits once and the run stores comparisons', async () => {
  const first = await refresh(['--demo-credits']);
  expect(first.stdout).toContain(
    `Sandbox demo credits (synthetic, dated 120 days ago): ${PANEL_LEARNING.length} recorded, 0 already there, ${PANEL_LEARNING.length} awarded.`,
  );
  expect(first.stdout).toMatch(/Outcomes refreshed: \d+ comparisons/);
  expect(first.status).toBe(0);
  const rows = await new OutcomeStore(stack.db).all({});
  expect(rows.length).toBeGreaterThanOrEqual(PANEL_LEARNING.length);

  const again = await refresh(['--demo-credits']);
  expect(again.stdout).toContain(`0 recorded, ${PANEL_LEARNING.length} already there`);
  expect((await stack.ledger.all()).length).toBe(PANEL_LEARNING.length);
});

test('a failing tenant makes the command exit 1', async () => {
  const sandbox = await stack.tenants.findByIss(`${stack.sandboxUrl}/fhir`);
  if (!sandbox?.backendServices) throw new Error('no sandbox tenant');
  await stack.tenants.upsert({
    ...sandbox,
    backendServices: { ...sandbox.backendServices, clientId: 'unknown-backend-client' },
  });
  const run = await refresh([]);
  expect(run.stdout).toContain(`tenant ${sandbox.id}: FAILED BACKEND_TOKEN_REJECTED`);
  expect(run.status).toBe(1);
});
