/**
 * `npm run tenant -- add|list|disable|enable|sheet|audit …`: manage EHR registrations on the
 * store the server uses (DATABASE_URL, else SQLite in DATA_DIR), audited as `cli:$USER`.
 */
import { runTenantCli } from '../server/admin/tenant-cli';

process.exitCode = await runTenantCli(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
