/**
 * `npm start`: builds the web app, then runs the sandbox EHR and the app server side by side,
 * the sandbox registered with the app as a tenant, plus a second sandbox EHR (its own issuer,
 * keys and client id) that an administrator registers through /admin/. `npm run dev` rebuilds
 * and restarts on change.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

const dev = process.argv.includes('--dev');
const port = process.env.PORT ?? '3000';
const sandboxPort = process.env.SANDBOX_PORT ?? '4000';
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const sandboxUrl = process.env.SANDBOX_PUBLIC_URL ?? `http://localhost:${sandboxPort}`;
const sandbox2Port = process.env.SANDBOX2_PORT ?? '4001';
const sandbox2Url = process.env.SANDBOX2_PUBLIC_URL ?? `http://localhost:${sandbox2Port}`;
// No fixed default for a secret: without ADMIN_TOKEN, a fresh one for this run only, printed below.
const generatedAdminToken =
  process.env.ADMIN_TOKEN === undefined || process.env.ADMIN_TOKEN === ''
    ? randomBytes(32).toString('base64url')
    : undefined;
const env = {
  ...process.env,
  PORT: port,
  SANDBOX_PORT: sandboxPort,
  PUBLIC_URL: publicUrl,
  SANDBOX_PUBLIC_URL: sandboxUrl,
  // The library's cases await clinician review; the sandbox credits them so the flow can be seen.
  CREDIT_UNREVIEWED_CONTENT: process.env.CREDIT_UNREVIEWED_CONTENT ?? 'allow',
  ...(generatedAdminToken !== undefined && { ADMIN_TOKEN: generatedAdminToken }),
};
const sandbox2Env = {
  ...env,
  SANDBOX_PORT: sandbox2Port,
  SANDBOX_PUBLIC_URL: sandbox2Url,
  SANDBOX_CLIENT_ID: 'chartside-second-sandbox',
  SANDBOX_NAME: 'Second sandbox EHR',
  // Its own signing and CDS client keys.
  DATA_DIR: join(process.env.DATA_DIR ?? './data', 'second-sandbox'),
};
const children: ChildProcess[] = [];

function run(name: string, command: string, args: string[], childEnv = env): ChildProcess {
  const child = spawn(command, args, { env: childEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (signal === null && code !== 0) {
      process.stderr.write(`${name} exited with code ${code}; stopping.\n`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

function stop(code: number): void {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const vite = ['node_modules/vite/bin/vite.js', 'build'];
if (dev) {
  run('vite', process.execPath, [...vite, '--watch', '--mode', 'development']);
} else {
  const build = spawn(process.execPath, vite, { env, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => build.on('exit', resolve));
  if (code !== 0) process.exit(code ?? 1);
}
const tsx = ['node_modules/tsx/dist/cli.mjs', ...(dev ? ['watch'] : [])];
run('sandbox EHR', process.execPath, [...tsx, 'launch/sandbox/main.ts']);
run('second sandbox EHR', process.execPath, [...tsx, 'launch/sandbox/main.ts'], sandbox2Env);
run('app server', process.execPath, [...tsx, 'server/main.ts']);
process.stdout.write(
  `\nChartside is starting.\n  Sandbox EHR (open this): ${sandboxUrl}/\n  App server:              ${publicUrl}/healthz\n` +
    `  Credit for unreviewed content: ${env.CREDIT_UNREVIEWED_CONTENT} (sandbox only; production denies it)\n` +
    `  Admin:                   ${publicUrl}/admin/\n` +
    (generatedAdminToken === undefined
      ? '  Admin token:             the ADMIN_TOKEN you set\n'
      : `  Admin token (this run):  ${generatedAdminToken}\n`) +
    (process.env.SANDBOX_DEMO_CREDITS === 'off'
      ? '  Demo credits:            off (SANDBOX_DEMO_CREDITS=off)\n'
      : '  Demo credits:            synthetic, dated 120 days ago for the generated panel (outcomes dashboards)\n') +
    `  Second sandbox EHR:      ${sandbox2Url}/ (not registered: add it in the admin UI)\n` +
    `    FHIR base to register: ${sandbox2Url}/fhir\n` +
    `    Client id:             ${sandbox2Env.SANDBOX_CLIENT_ID}\n` +
    `    CDS client:            iss ${sandbox2Url}, JWKS ${sandbox2Url}/cds-client/jwks.json\n\n`,
);

/** Resolves once `url` answers 2xx, polling; false after `timeoutMs`. */
async function ready(url: string, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

// Once both are up: the panel's demo credits, then one outcomes run, so the dashboards have data.
// A failure here is reported and leaves the stack running.
if ((await ready(`${publicUrl}/healthz`)) && (await ready(`${sandboxUrl}/fhir/metadata`))) {
  const seed = spawn(
    process.execPath,
    [tsx[0] ?? '', 'scripts/outcomes-refresh.ts', '--demo-credits'],
    {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  children.push(seed);
  seed.on('exit', (code) => {
    if (code !== 0)
      process.stderr.write('Demo credits / outcomes refresh did not complete (see above).\n');
  });
} else {
  process.stderr.write('The app or the sandbox did not come up: demo credits not recorded.\n');
}
