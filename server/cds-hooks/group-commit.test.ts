import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openDatabase } from '../store/database';
import { GroupCommit } from './group-commit';

const dataDir = mkdtempSync(join(tmpdir(), 'group-commit-'));
const db = await openDatabase({ dataDir });
afterAll(async () => {
  await db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

test('concurrent writes each get their own result, and all of them are committed', async () => {
  const commit = new GroupCommit(db);
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      commit.run(async (trx) => {
        await trx
          .insertInto('cds_jti')
          .values({ iss: 'group', jti: `j${i}`, expires_at: '2100-01-01T00:00:00.000Z' })
          .execute();
        return i;
      }),
    ),
  );
  expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  const rows = await db.selectFrom('cds_jti').select('jti').where('iss', '=', 'group').execute();
  expect(rows).toHaveLength(20);
});

test('a write that fails rejects its batch, and later writes still commit', async () => {
  const commit = new GroupCommit(db);
  const failing = commit.run(() => Promise.reject(new Error('disk full')));
  await expect(failing).rejects.toThrow('disk full');
  await expect(commit.run(() => Promise.resolve('after'))).resolves.toBe('after');
});
