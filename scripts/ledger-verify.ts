/**
 * `npm run ledger:verify`: proves the credit ledger's hash chain and receipts; exits 1 on tamper.
 * Reads the store the server uses: DATABASE_URL (PostgreSQL) when set, else SQLite in DATA_DIR.
 */
import { loadAppKeys } from '../server/auth/app-keys';
import { loadConfig } from '../server/config';
import { LedgerStore } from '../server/credits/ledger-store';
import { verifyLedger } from '../server/credits/verify-ledger';
import { openDatabase } from '../server/store/database';

const config = loadConfig(process.env);
const db = await openDatabase(config.database);
const ledger = new LedgerStore(db);
const problems = await verifyLedger(
  ledger,
  await loadAppKeys({ dataDir: config.dataDir, privateJwk: config.signingKey }),
);
const rows = (await ledger.all()).length;
await db.destroy();
if (problems.length > 0) {
  process.stderr.write(
    `Ledger verification FAILED (${rows} rows):\n${problems.map((p) => `  ${p}`).join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write(`Ledger verified: ${rows} rows, chain and receipts intact.\n`);
