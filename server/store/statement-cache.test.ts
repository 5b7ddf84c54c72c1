import SQLite from 'better-sqlite3';
import { expect, test } from 'vitest';
import { withStatementCache } from './statement-cache';

function database(): SQLite.Database {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('create table t (n integer); insert into t values (1), (2), (3)');
  return sqlite;
}

test('the same SQL text gets the same prepared statement, other text another', () => {
  const cache = withStatementCache(database());
  const select = cache.prepare('select n from t where n > ?');
  expect(cache.prepare('select n from t where n > ?')).toBe(select);
  expect(cache.prepare('select n from t where n < ?')).not.toBe(select);
  expect(select.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
  expect(cache.prepare('insert into t values (?)').run([4]).changes).toBe(1);
  expect(cache.prepare('select n from t where n > ?').all([3])).toEqual([{ n: 4 }]);
});

test('past its capacity the least recently used statement is dropped', () => {
  const cache = withStatementCache(database(), 2);
  const first = cache.prepare('select 1');
  const second = cache.prepare('select 2');
  expect(cache.prepare('select 1')).toBe(first);
  cache.prepare('select 3');
  expect(cache.prepare('select 1')).toBe(first);
  expect(cache.prepare('select 2')).not.toBe(second);
});

test('a statement still being iterated is not handed out again', () => {
  const cache = withStatementCache(database());
  const sql = 'select n from t order by n';
  const rows = cache.prepare(sql).iterate([]);
  expect(rows.next().value).toEqual({ n: 1 });
  const meanwhile = cache.prepare(sql);
  expect(meanwhile.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
});
