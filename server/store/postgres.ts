import pg from 'pg';
import { PostgresDialect } from 'kysely';

/** bigint (counts, identity keys) as a JS number, as SQLite returns it; never past 2^53. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`bigint ${value} does not fit a JS number`);
  return n;
}

const types: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) =>
    // The default parsers are typed `any`; each returns what its column type holds.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? parseInt8
      : pg.types.getTypeParser(oid, format),
};

/**
 * PostgreSQL at `url` through a pool of `poolSize` connections. Every statement is cut off after
 * 10 s and an idle transaction after 30 s, so a stuck client cannot hold the ledger lock.
 */
export function postgresDialect(url: string, poolSize = 10): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    statement_timeout: 10_000,
    idle_in_transaction_session_timeout: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  // A connection dropped while idle (server restart) is removed by the pool; the next query
  // opens a new one. Without a listener the pool's 'error' event would end the process.
  pool.on('error', () => undefined);
  return new PostgresDialect({ pool });
}
