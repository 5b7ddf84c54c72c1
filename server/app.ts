import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { AppConfig } from './config';
import { AppError } from './http/app-error';
import { renderError } from './http/render-error';
import { requestLogger } from './http/logger';
import type { CaseLibrary } from './library/case-library';
import { libraryRoute } from './library/library-route';
import { launchConfigRoute } from './tenants/launch-config-route';
import type { TenantStore } from './tenants/tenant-store';
import { webRoutes } from './web/web-routes';

export interface AppDeps {
  logger: Logger;
  tenants: TenantStore;
  library: CaseLibrary;
}

/** Builds the app server; `main.ts` is the only place that listens. */
export function createApp(config: AppConfig, deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLogger(deps.logger));
  app.use(
    helmet({
      // HTML pages set their own CSP (frame-ancestors from registered EHRs); the rest may not be framed.
      contentSecurityPolicy: { directives: { 'frame-ancestors': ["'none'"] } },
      xFrameOptions: false,
    }),
  );
  app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
  app.get('/favicon.ico', (_req, res) => res.status(204).end());
  app.get(
    '/api/launch-config',
    launchConfigRoute({ tenants: deps.tenants, publicUrl: config.publicUrl }),
  );
  app.get('/api/library', libraryRoute(deps.library));
  app.use('/api', (_req, _res, next) => {
    next(new AppError('NOT_FOUND', 404, 'No such API endpoint'));
  });
  app.use(webRoutes({ webDir: config.webDir, tenants: deps.tenants }));
  app.use(renderError(deps.logger));
  return app;
}
