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

test('the outcomes job runs daily over 180-day windows unless configured otherwise', () => {
  expect(loadConfig({}).outcomes).toEqual({
    windows: { beforeDays: 180, afterDays: 180 },
    refreshMinutes: 1440,
    firstRunSeconds: 30,
  });
  const configured = loadConfig({
    OUTCOMES_BEFORE_DAYS: '90',
    OUTCOMES_AFTER_DAYS: '60',
    OUTCOMES_REFRESH_MINUTES: '0',
    OUTCOMES_FIRST_RUN_SECONDS: '5',
  });
  expect(configured.outcomes).toEqual({
    windows: { beforeDays: 90, afterDays: 60 },
    refreshMinutes: 0,
    firstRunSeconds: 5,
  });
});

test('outcomes settings that are not whole numbers in range are reported together', () => {
  expect(() =>
    loadConfig({
      OUTCOMES_BEFORE_DAYS: '0',
      OUTCOMES_REFRESH_MINUTES: '-5',
      OUTCOMES_AFTER_DAYS: '1.5',
    }),
  ).toThrow(/OUTCOMES_BEFORE_DAYS[\s\S]*OUTCOMES_AFTER_DAYS[\s\S]*OUTCOMES_REFRESH_MINUTES/);
});

test('the sandbox demo credits are on unless SANDBOX_DEMO_CREDITS=off', () => {
  expect(loadConfig({}).sandboxDemoCredits).toBe(true);
  expect(loadConfig({ SANDBOX_DEMO_CREDITS: 'off' }).sandboxDemoCredits).toBe(false);
  expect(() => loadConfig({ SANDBOX_DEMO_CREDITS: 'no' })).toThrow(/SANDBOX_DEMO_CREDITS/);
});
