/**
 * `npm run outcomes:refresh`: runs the outcomes job once, as the server's schedule does, and
 * prints what it did; exits 1 when a tenant failed. Reads the store and keys the server uses.
 * With `--demo-credits` (`npm start` passes it), first records the sandbox panel's synthetic
 * demo credits, dated 120 days ago (skipped with SANDBOX_DEMO_CREDITS=off).
 */
import { PANEL_LEARNING } from '../launch/sandbox/panel/panel-learning';
import { loadAppKeys } from '../server/auth/app-keys';
import { loadConfig } from '../server/config';
import { LedgerStore } from '../server/credits/ledger-store';
import { createLogger } from '../server/http/logger';
import { loadCaseLibrary } from '../server/library/case-library';
import { seedSandboxDemoCredits } from '../server/outcomes/sandbox-demo-credits';
import { createOutcomesJob } from '../server/outcomes/outcomes-job';
import { openDatabase } from '../server/store/database';
import { TenantStore } from '../server/tenants/tenant-store';

const config = loadConfig(process.env);
const logger = createLogger(config.logLevel);
const db = await openDatabase(config.database);
let failed = false;
try {
  const tenants = new TenantStore(db);
  const ledger = new LedgerStore(db);
  const library = await loadCaseLibrary(config.library);
  const keys = await loadAppKeys({
    dataDir: config.dataDir,
    privateJwk: config.signingKey,
    clientAssertionJwks: config.clientAssertionKeys,
  });
  if (process.argv.includes('--demo-credits')) {
    const demo = await seedSandboxDemoCredits({
      config,
      tenants,
      ledger,
      library,
      keys,
      learning: PANEL_LEARNING,
    });
    if (demo) {
      process.stdout.write(
        `Sandbox demo credits (synthetic, dated 120 days ago): ${demo.recorded} recorded, ${demo.existing} already there, ${demo.credits.filter((c) => c.awarded).length} awarded.\n`,
      );
    }
  }
  const job = createOutcomesJob({
    db,
    tenants,
    ledger,
    library,
    keys,
    windows: config.outcomes.windows,
    logger,
  });
  const summary = await job.run();
  if (!summary.ran) {
    process.stdout.write('Outcomes not refreshed: another process is running the job.\n');
  }
  for (const tenant of summary.tenants) {
    const line =
      tenant.status === 'refreshed'
        ? `${tenant.comparisons} comparisons from ${tenant.patients} patients (${tenant.source}; pull ${tenant.ms.pull} ms, compute ${tenant.ms.compute} ms, store ${tenant.ms.store} ms)`
        : tenant.status === 'failed'
          ? `FAILED ${tenant.code}`
          : 'no credits with a computed measure';
    process.stdout.write(`  tenant ${tenant.tenantId}: ${line}\n`);
  }
  if (summary.ran) {
    process.stdout.write(
      `Outcomes refreshed: ${summary.comparisons} comparisons in ${summary.ms} ms.\n`,
    );
  }
  failed = summary.tenants.some((t) => t.status === 'failed');
} catch (error) {
  // A message of ours (configuration, store, library); the job itself never throws tenant data.
  process.stderr.write(
    `Outcomes refresh failed: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  failed = true;
} finally {
  await db.destroy();
}
process.exit(failed ? 1 : 0);
