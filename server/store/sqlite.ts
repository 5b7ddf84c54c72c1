import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import { withStatementCache } from './statement-cache';

/**
 * Transactions begin IMMEDIATE: Kysely's driver begins DEFERRED, which serializes within this
 * process (one connection behind a mutex) but lets a second process on the same file fail with
 * SQLITE_BUSY when its read turns into a write. IMMEDIATE takes the write lock first, waiting
 * up to busy_timeout.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }
}

/**
 * A SQLite file in `dataDir`: WAL, synchronous FULL so a committed credit survives a power cut,
 * statements cached, transactions IMMEDIATE.
 */
export function sqliteDialect(options: { dataDir: string; file?: string }): SqliteDialect {
  mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new SQLite(join(options.dataDir, options.file ?? 'chartside.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new ImmediateSqliteDialect({ database: withStatementCache(sqlite) });
}
