import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { openDatabase, type Database, type StoreLocation } from './database';

export type StoreKind = 'sqlite' | 'postgres';

/** The PostgreSQL server the store suites run against (`.ci/run` sets it); unset skips them. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

export interface TestStore {
  kind: StoreKind;
  /**
   * A new, migrated store that no other test sees — a SQLite file in a temporary directory, or
   * a fresh PostgreSQL schema — closed and removed when the suite ends.
   */
  open(): Promise<Database>;
  /** Opens the store `db` lives in once more, as a second process would (migrating again). */
  reopen(db: Database): Promise<Database>;
  /** Where `db` lives, e.g. to hand to a child process as DATA_DIR or DATABASE_URL. */
  location(db: Database): StoreLocation;
}

/** A PostgreSQL schema of its own for one test run: `url` selects it through search_path. */
export interface PostgresTestSchema {
  url: string;
  drop(): Promise<void>;
}

export async function createPostgresTestSchema(baseUrl: string): Promise<PostgresTestSchema> {
  const schema = `test_${process.pid}_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema "${schema}"`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: () => admin(`drop schema if exists "${schema}" cascade`),
  };
}

function testStore(kind: StoreKind): TestStore {
  const locations = new Map<Database, StoreLocation>();
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const db of locations.keys()) await db.destroy();
    for (const cleanup of cleanups) await cleanup();
  });
  const track = async (location: StoreLocation): Promise<Database> => {
    const db = await openDatabase(location);
    locations.set(db, location);
    return db;
  };
  const location = (db: Database): StoreLocation => {
    const found = locations.get(db);
    if (!found) throw new Error('not a database opened by this test store');
    return found;
  };
  return {
    kind,
    location,
    reopen: (db) => track(location(db)),
    async open() {
      if (kind === 'sqlite') {
        const dataDir = mkdtempSync(join(tmpdir(), 'chartside-store-'));
        cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
        return track({ dataDir });
      }
      if (testDatabaseUrl === undefined) throw new Error('TEST_DATABASE_URL is not set');
      const schema = await createPostgresTestSchema(testDatabaseUrl);
      cleanups.push(() => schema.drop());
      return track({ url: schema.url, poolSize: 4 });
    },
  };
}

/**
 * Runs `suite` once per store kind: SQLite always, PostgreSQL when TEST_DATABASE_URL is set
 * (skipped otherwise, with the reason in its name). Call `store.open()` for an isolated store.
 */
export function forEachStore(name: string, suite: (store: TestStore) => void): void {
  describe(`${name} (SQLite)`, () => {
    suite(testStore('sqlite'));
  });
  describe.skipIf(testDatabaseUrl === undefined)(
    testDatabaseUrl === undefined
      ? `${name} (PostgreSQL: skipped, set TEST_DATABASE_URL=postgres://… to run)`
      : `${name} (PostgreSQL)`,
    () => {
      suite(testStore('postgres'));
    },
  );
}
