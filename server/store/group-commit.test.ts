import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openDatabase } from './database';
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

test('a write that fails rejects alone: the writes that shared its transaction still commit', async () => {
  const commit = new GroupCommit(db);
  const insert = (jti: string) =>
    commit.run((trx) =>
      trx
        .insertInto('cds_jti')
        .values({ iss: 'shared', jti, expires_at: '2100-01-01T00:00:00.000Z' })
        .execute(),
    );
  const [before, failing, after] = await Promise.allSettled([
    insert('a'),
    commit.run(() => Promise.reject(new Error('disk full'))),
    insert('b'),
  ]);
  expect([before.status, failing.status, after.status]).toEqual([
    'fulfilled',
    'rejected',
    'fulfilled',
  ]);
  expect((failing as PromiseRejectedResult).reason).toEqual(new Error('disk full'));
  const rows = await db.selectFrom('cds_jti').select('jti').where('iss', '=', 'shared').execute();
  expect(rows.map((r) => r.jti).sort()).toEqual(['a', 'b']);
  await expect(commit.run(() => Promise.resolve('later'))).resolves.toBe('later');
});

test('no transaction holds more writes than the batch limit', async () => {
  const commit = new GroupCommit(db, 4);
  const seen = new Map<unknown, number>();
  await Promise.all(
    Array.from({ length: 10 }, () =>
      commit.run((trx) => {
        seen.set(trx, (seen.get(trx) ?? 0) + 1);
        return Promise.resolve();
      }),
    ),
  );
  expect(Math.max(...seen.values())).toBeLessThanOrEqual(4);
  expect([...seen.values()].reduce((a, b) => a + b)).toBe(10);
});
