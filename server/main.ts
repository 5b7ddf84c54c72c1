import { AuditStore } from './admin/audit-store';
import { createApp } from './app';
import { loadAppKeys } from './auth/app-keys';
import { TenantDiscovery } from './auth/tenant-discovery';
import { loadConfig } from './config';
import { createLogger } from './http/logger';
import { LedgerStore } from './credits/ledger-store';
import { loadCaseLibrary } from './library/case-library';
import { createOutcomesJob } from './outcomes/outcomes-job';
import { scheduleOutcomes } from './outcomes/outcomes-schedule';
import { OUTCOMES_LEASE_MS } from './outcomes/refresh-outcomes';
import { openDatabase } from './store/database';
import { registerConfiguredTenants } from './tenants/register-tenants';
import { TenantStore } from './tenants/tenant-store';

const config = loadConfig(process.env);
const logger = createLogger(config.logLevel);
const db = await openDatabase(config.database);
const tenants = new TenantStore(db);
await registerConfiguredTenants(config, tenants, new AuditStore(db));
const library = await loadCaseLibrary(config.library);
if (library.unlocked.length > 0)
  logger.warn(
    { unlocked: library.unlocked },
    'case versions not in cases/versions.lock.json yet: drafts until `npm run cases:lock`',
  );
const keys = await loadAppKeys({
  dataDir: config.dataDir,
  privateJwk: config.signingKey,
  clientAssertionJwks: config.clientAssertionKeys,
});
const ledger = new LedgerStore(db);
const app = createApp(config, {
  logger,
  tenants,
  library,
  keys,
  discovery: new TenantDiscovery(),
  ledger,
  db,
});
const outcomesJob = createOutcomesJob({
  db,
  tenants,
  ledger,
  library,
  keys,
  windows: config.outcomes.windows,
  logger,
});
const outcomes = scheduleOutcomes({
  job: outcomesJob.run,
  refreshMinutes: config.outcomes.refreshMinutes,
  firstRunSeconds: config.outcomes.firstRunSeconds,
  retrySkippedAfterMs: OUTCOMES_LEASE_MS + 60_000,
  logger,
});
const server = app.listen(config.port, () => {
  logger.info({ port: config.port, publicUrl: config.publicUrl }, 'Chartside app server listening');
});

// Graceful stop: finish in-flight requests (a credit being written completes), give the outcomes
// lease back so the next process need not wait for it, then close the store.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'stopping');
    outcomes.stop();
    const released = outcomesJob.stop().catch(() => undefined);
    server.close(() => {
      released
        .then(() => db.destroy())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
    server.closeIdleConnections();
  });
}
