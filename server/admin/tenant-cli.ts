import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { AppError } from '../http/app-error';
import { openDatabase, type Database } from '../store/database';
import { TenantStore } from '../tenants/tenant-store';
import { AuditStore } from './audit-store';
import { registrationSheet } from './registration-sheet';
import { TenantAdmin } from './tenant-admin';

export const TENANT_CLI_USAGE = `Usage: npm run tenant -- <command>
  add --iss <FHIR base> --name <name> --vendor <epic|oracle|meditech|smart-sandbox|other>
      --client-id <id> [--environment production|non-production] [--scope "<scopes>"]
      [--frame-origin <origin>]... [--production-client-id <id>] [--non-production-client-id <id>]
      [--backend-client-id <id> [--backend-alg ES384|RS384] [--backend-file-origin <origin>]...]
  list
  disable <iss|id>
  enable <iss|id>
  sheet <iss|id>
  audit [<iss|id>]
Works on the store the server uses: DATABASE_URL when set, else SQLite in DATA_DIR.`;

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

class UsageError extends Error {}

/**
 * `npm run tenant`: the admin API's tenant commands on the command line, with the same
 * validation, SMART discovery and audit log (actor `cli:$USER`). Returns the exit code:
 * 0 done, 1 refused (nothing saved), 2 wrong usage.
 */
export async function runTenantCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliOutput,
): Promise<number> {
  let db: Database | undefined;
  try {
    const config = loadConfig(env);
    const [command, ...rest] = argv;
    if (command === undefined || !COMMANDS.has(command)) throw new UsageError('');
    db = await openDatabase(config.database);
    const admin = new TenantAdmin({ db, production: config.production });
    const actor = `cli:${env.USER ?? env.USERNAME ?? 'unknown'}`;
    const target = (): string => {
      const value = rest[0];
      if (value === undefined || rest.length > 1) throw new UsageError('');
      return value;
    };
    switch (command) {
      case 'add': {
        const { values } = parseArgs({
          args: rest,
          options: {
            iss: { type: 'string' },
            name: { type: 'string' },
            vendor: { type: 'string' },
            'client-id': { type: 'string' },
            environment: { type: 'string' },
            scope: { type: 'string' },
            'frame-origin': { type: 'string', multiple: true },
            'production-client-id': { type: 'string' },
            'non-production-client-id': { type: 'string' },
            'backend-client-id': { type: 'string' },
            'backend-alg': { type: 'string' },
            'backend-file-origin': { type: 'string', multiple: true },
          },
        });
        const clientIds = {
          ...(values['production-client-id'] !== undefined && {
            production: values['production-client-id'],
          }),
          ...(values['non-production-client-id'] !== undefined && {
            'non-production': values['non-production-client-id'],
          }),
        };
        if (
          (values['backend-alg'] !== undefined || values['backend-file-origin'] !== undefined) &&
          values['backend-client-id'] === undefined
        )
          throw new UsageError('');
        const { tenant, warnings } = await admin.create(
          {
            iss: values.iss,
            name: values.name,
            vendor: values.vendor,
            clientId: values['client-id'],
            environment: values.environment,
            scope: values.scope,
            frameOrigins: values['frame-origin'],
            ...(Object.keys(clientIds).length > 0 && { clientIds }),
            ...(values['backend-client-id'] !== undefined && {
              backendServices: {
                clientId: values['backend-client-id'],
                ...(values['backend-alg'] !== undefined && { algorithm: values['backend-alg'] }),
                ...(values['backend-file-origin'] !== undefined && {
                  fileOrigins: values['backend-file-origin'],
                }),
              },
            }),
          },
          actor,
        );
        for (const warning of warnings) io.err(`warning: ${warning.message}`);
        io.out(`Added ${tenant.name} (${tenant.iss}) as ${tenant.id}`);
        return 0;
      }
      case 'list':
        for (const t of await new TenantStore(db).list())
          io.out([t.status, t.vendor, t.iss, t.name, t.clientId, t.id].join('\t'));
        return 0;
      case 'disable':
      case 'enable': {
        const tenant = await admin.find(target());
        const status = command === 'disable' ? 'disabled' : 'active';
        await admin.setStatus(tenant.id, status, actor);
        io.out(`${command === 'disable' ? 'Disabled' : 'Enabled'} ${tenant.name} (${tenant.iss})`);
        return 0;
      }
      case 'sheet': {
        const sheet = registrationSheet(await admin.find(target()), config.publicUrl);
        io.out(sheet.title);
        for (const field of sheet.fields) io.out(`${field.label}: ${field.value}`);
        for (const step of sheet.steps) io.out(`- ${step}`);
        return 0;
      }
      case 'audit': {
        const tenantId = rest.length > 0 ? (await admin.find(target())).id : undefined;
        const entries = await new AuditStore(db).list({
          ...(tenantId !== undefined && { tenantId }),
        });
        for (const e of entries)
          io.out([e.at, e.actor, e.action, e.iss, Object.keys(e.changes).join(',')].join('\t'));
        return 0;
      }
    }
    throw new UsageError('');
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      if (error instanceof Error && error.message !== '') io.err(`error: ${error.message}`);
      io.err(TENANT_CLI_USAGE);
      return 2;
    }
    if (error instanceof AppError) {
      io.err(`error: ${error.message} (${error.code})`);
      return 1;
    }
    if (error instanceof Error && error.message.startsWith('Invalid configuration')) {
      io.err(error.message);
      return 2;
    }
    throw error;
  } finally {
    await db?.destroy();
  }
}

const COMMANDS = new Set(['add', 'list', 'disable', 'enable', 'sheet', 'audit']);

function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
