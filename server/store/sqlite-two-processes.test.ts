import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { GENESIS_HASH } from '../credits/ledger-hash';
import { LedgerStore } from '../credits/ledger-store';
import { openDatabase } from './database';

const dataDir = mkdtempSync(join(tmpdir(), 'chartside-sqlite-two-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function appendFromAnotherProcess(count: number): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/store/fixtures/append-from-another-process.ts'],
    { env: { ...process.env, DATA_DIR: dataDir, COUNT: String(count) } },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

test('two processes appending to one SQLite file wait for each other and keep one chain', async () => {
  // Migrate first, so the two processes only race on the ledger.
  await (await openDatabase({ dataDir })).destroy();
  const results = await Promise.all([appendFromAnotherProcess(100), appendFromAnotherProcess(100)]);
  for (const { code, stderr } of results) expect(code, stderr).toBe(0);
  const db = await openDatabase({ dataDir });
  const rows = await new LedgerStore(db).all();
  await db.destroy();
  expect(rows).toHaveLength(200);
  expect(rows.map((r) => r.prev_hash)).toEqual([
    GENESIS_HASH,
    ...rows.slice(0, -1).map((r) => r.hash),
  ]);
}, 60_000);
