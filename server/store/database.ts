import { Kysely, Migrator, sql } from 'kysely';
import { isPostgres } from './dialect';
import { migrations } from './migrations';
import { postgresDialect } from './postgres';
import type { DatabaseSchema } from './schema';
import { sqliteDialect } from './sqlite';

export type Database = Kysely<DatabaseSchema>;

/** Where the store lives: a SQLite file in `dataDir`, or a PostgreSQL database (`postgres://…`). */
export type StoreLocation = { dataDir: string; file?: string } | { url: string; poolSize?: number };

/**
 * Opens the store at `location`, migrated to the latest schema: SQLite (WAL, synchronous FULL
 * so a committed credit survives a power cut) or PostgreSQL (a pool; the schema is the
 * connection's search_path, `public` unless the URL sets `options=-c search_path=…`).
 */
export async function openDatabase(location: StoreLocation): Promise<Database> {
  const dialect =
    'url' in location ? postgresDialect(location.url, location.poolSize) : sqliteDialect(location);
  const db = new Kysely<DatabaseSchema>({ dialect });
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

async function migrate(db: Database): Promise<void> {
  // Kysely looks for its migration table in every schema unless told which one is ours.
  const schema = isPostgres(db) ? await currentSchema(db) : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(schema !== undefined && { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}

async function currentSchema(db: Database): Promise<string> {
  const { rows } = await sql<{
    schema: string | null;
  }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema)
    throw new Error('PostgreSQL has no current schema: check search_path in DATABASE_URL');
  return schema;
}
