import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterEach, expect, test } from 'vitest';
import type { TenantStore } from '../tenants/tenant-store';
import { webRoutes } from './web-routes';

const WORKER = "self.addEventListener('fetch', () => undefined);\n";
const running: { server: Server; dir: string }[] = [];

afterEach(async () => {
  for (const { server, dir } of running.splice(0)) {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The web routes over a build folder holding `files`, with no registered EHR. */
async function serveBuild(files: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'chartside-web-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const tenants = { listActive: () => Promise.resolve([]) } as unknown as TenantStore;
  const server = createServer(express().use(webRoutes({ webDir: dir, tenants })));
  running.push({ server, dir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test('the service worker is JavaScript, revalidated on every check, and talks only to its origin', async () => {
  const url = await serveBuild({ 'sw.js': WORKER, 'client/index.html': '<!doctype html>' });

  const response = await fetch(`${url}/app/sw.js`);

  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-cache');
  expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
  expect(await response.text()).toBe(WORKER);
});

test('a build without a service worker answers 404, never the app page in its place', async () => {
  const url = await serveBuild({ 'client/index.html': '<!doctype html>' });

  const response = await fetch(`${url}/app/sw.js`);

  expect(response.status).toBe(404);
  expect(await response.text()).toBe('This build has no service worker.');
});

test('the app page may start a worker from its own origin only', async () => {
  const url = await serveBuild({ 'sw.js': WORKER, 'client/index.html': '<!doctype html>' });

  const response = await fetch(`${url}/app/?code=abc&state=xyz`);

  expect(response.status).toBe(200);
  expect(response.headers.get('content-security-policy')).toContain("worker-src 'self'");
  expect(response.headers.get('cache-control')).toBe('no-store');
});

test('the admin UI is served at /admin/, never framed and talking to its own origin only', async () => {
  const url = await serveBuild({
    'admin/index.html': '<!doctype html><title>Chartside admin</title>',
  });

  const bare = await fetch(`${url}/admin`, { redirect: 'manual' });
  const response = await fetch(`${url}/admin/`);

  expect(bare.status).toBe(301);
  expect(bare.headers.get('location')).toBe('/admin/');
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('<title>Chartside admin</title>');
  const policy = response.headers.get('content-security-policy') ?? '';
  expect(policy.split('; ')).toEqual(
    expect.arrayContaining(["frame-ancestors 'none'", "connect-src 'self'", "script-src 'self'"]),
  );
  expect(response.headers.get('cache-control')).toBe('no-store');
});
