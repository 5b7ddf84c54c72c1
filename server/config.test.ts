import { expect, test } from 'vitest';
import { loadConfig } from './config';

test('DATABASE_URL with a postgres:// URL selects PostgreSQL for the store', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://chartside@db.internal:5432/chartside' });
  expect(config.database).toEqual({ url: 'postgres://chartside@db.internal:5432/chartside' });
});

test('without DATABASE_URL the store is SQLite in DATA_DIR', () => {
  expect(loadConfig({ DATA_DIR: '/var/lib/chartside', DATABASE_URL: '' }).database).toEqual({
    dataDir: '/var/lib/chartside',
  });
});

test('a DATABASE_URL that is not PostgreSQL is a configuration error naming the variable', () => {
  expect(() => loadConfig({ DATABASE_URL: 'mysql://root@localhost/chartside' })).toThrow(
    /DATABASE_URL must be a PostgreSQL URL \(postgres:\/\/user@host:5432\/db\)/,
  );
  expect(() => loadConfig({ DATABASE_URL: './data/chartside.sqlite' })).toThrow(/DATABASE_URL/);
});
