/**
 * `npm start`: builds the web app, then runs the sandbox EHR and the app server side by side,
 * the sandbox registered with the app as a tenant. `npm run dev` rebuilds and restarts on change.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const dev = process.argv.includes('--dev');
const port = process.env.PORT ?? '3000';
const sandboxPort = process.env.SANDBOX_PORT ?? '4000';
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const sandboxUrl = process.env.SANDBOX_PUBLIC_URL ?? `http://localhost:${sandboxPort}`;
const env = {
  ...process.env,
  PORT: port,
  SANDBOX_PORT: sandboxPort,
  PUBLIC_URL: publicUrl,
  SANDBOX_PUBLIC_URL: sandboxUrl,
  // The library's cases await clinician review; the sandbox credits them so the flow can be seen.
  CREDIT_UNREVIEWED_CONTENT: process.env.CREDIT_UNREVIEWED_CONTENT ?? 'allow',
};
const children: ChildProcess[] = [];

function run(name: string, command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
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
run('app server', process.execPath, [...tsx, 'server/main.ts']);
process.stdout.write(
  `\nChartside is starting.\n  Sandbox EHR (open this): ${sandboxUrl}/\n  App server:              ${publicUrl}/healthz\n` +
    `  Credit for unreviewed content: ${env.CREDIT_UNREVIEWED_CONTENT} (sandbox only; production denies it)\n\n`,
);
