import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * better-sqlite3 with prepared statements reused by SQL text (least recently used dropped past
 * `capacity`): Kysely's SqliteDriver prepares every query it runs, which costs as much as
 * running it. A statement still being iterated is not handed out again; a one-off is prepared.
 */
export function withStatementCache(
  database: BetterSqlite3.Database,
  capacity = 200,
): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close() {
      cache.clear();
      database.close();
    },
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached?.busy) return database.prepare(sql);
      cache.delete(sql);
      const statement = cached ?? database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}
