import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import type { TenantStore } from '../tenants/tenant-store';

/**
 * The CSP of our HTML pages: framed only by registered EHR origins (`frame-ancestors`;
 * X-Frame-Options cannot allow-list), talking only to ourselves and registered FHIR servers.
 */
export async function pageSecurityPolicy(tenants: TenantStore): Promise<string> {
  const active = await tenants.listActive();
  const frameAncestors = [...new Set(active.flatMap((t) => t.frameOrigins))];
  const fhirOrigins = [...new Set(active.map((t) => new URL(t.iss).origin))];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${fhirOrigins.join(' ')}`.trim(),
    "worker-src 'self'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** The admin UI talks only to its own origin and is never framed, not even by a tenant. */
export const ADMIN_PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/**
 * Serves the built launch page (`/launch`), SPA (`/app/`) and admin UI (`/admin/`) from
 * `webDir` (vite build).
 */
export function webRoutes(deps: { webDir: string; tenants: TenantStore }): Router {
  const webDir = resolve(deps.webDir);
  const routes = Router();
  const sendPage =
    (file: string, policy = () => pageSecurityPolicy(deps.tenants)): RequestHandler =>
    async (_req, res) => {
      const path = join(webDir, file);
      res.set('Content-Security-Policy', await policy());
      res.set('Cache-Control', 'no-store');
      if (!existsSync(path)) {
        res.status(503).type('text').send('The web app is not built. Run `npm run build` first.');
        return;
      }
      res.sendFile(path);
    };
  routes.use(
    '/assets',
    express.static(join(webDir, 'assets'), { immutable: true, maxAge: '365d', index: false }),
  );
  // The app's service worker (vite.config.ts): revalidated on every check, same-origin only.
  routes.get('/app/sw.js', (_req, res) => {
    const path = join(webDir, 'sw.js');
    if (!existsSync(path)) {
      res.status(404).type('text').send('This build has no service worker.');
      return;
    }
    res.set('Content-Security-Policy', "default-src 'self'");
    res.set('Cache-Control', 'no-cache');
    res.type('text/javascript').sendFile(path, { cacheControl: false });
  });
  routes.get('/launch', sendPage('launch/index.html'));
  const app = sendPage('client/index.html');
  routes.get(['/app', '/app/{*rest}'], (req, res, next) => {
    // Routing is not strict, so '/app' also matches '/app/': only the bare path is redirected.
    const [path, query] = req.originalUrl.split('?');
    if (path === '/app') res.redirect(301, `/app/${query === undefined ? '' : `?${query}`}`);
    else app(req, res, next);
  });
  const admin = sendPage('admin/index.html', () => Promise.resolve(ADMIN_PAGE_POLICY));
  routes.get('/admin', (req, res, next) => {
    const [path, query] = req.originalUrl.split('?');
    if (path === '/admin') res.redirect(301, `/admin/${query === undefined ? '' : `?${query}`}`);
    else admin(req, res, next);
  });
  return routes;
}
