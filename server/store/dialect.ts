import {
  PostgresAdapter,
  type ColumnDefinitionBuilder,
  type ColumnDataType,
  type Kysely,
} from 'kysely';

/** True when `db` (or a transaction of it) talks to PostgreSQL rather than SQLite. */
export function isPostgres(db: Pick<Kysely<unknown>, 'getExecutor'>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export interface DialectColumns {
  /** A 64-bit float: `real` on SQLite; `double precision` on PostgreSQL, whose `real` is 32-bit. */
  double: ColumnDataType;
  /** An ever-increasing row number: the column type and its key definition. */
  serial: {
    type: ColumnDataType;
    key: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  };
}

/**
 * Column types that differ between the dialects, for migrations. The SQLite choices are exactly
 * what the shipped migrations used, so existing SQLite files keep their schema.
 */
export function dialectColumns(db: Kysely<unknown>): DialectColumns {
  return isPostgres(db)
    ? {
        double: 'double precision',
        serial: { type: 'bigint', key: (c) => c.primaryKey().generatedAlwaysAsIdentity() },
      }
    : {
        double: 'real',
        serial: { type: 'integer', key: (c) => c.primaryKey().autoIncrement() },
      };
}
