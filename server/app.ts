import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { createMeasures } from '../core/measures';
import { adminRoutes } from './admin/admin-routes';
import { appLogoRoute } from './admin/app-logo';
import type { AppKeys } from './auth/app-keys';
import { createSessionRoute, requireSession, type Learner } from './auth/session-routes';
import type { TenantDiscovery } from './auth/tenant-discovery';
import { cdsHooksRoutes } from './cds-hooks/cds-routes';
import type { AppConfig } from './config';
import { creditRoutes } from './credits/credit-routes';
import { facadeRoutes, isPublicFacadePath } from './fhir-facade/facade-routes';
import type { LedgerStore } from './credits/ledger-store';
import { learnerKey } from './learners/learner-data';
import { learnerRoutes } from './learners/learner-routes';
import { ProfileStore } from './learners/profile-store';
import { reviewCompletedCase } from './learners/review-answers';
import { ReviewStore } from './learners/review-store';
import { outcomeRoutes, type OutcomeViewDeps } from './outcomes/outcome-routes';
import { OutcomeStore } from './outcomes/outcome-store';
import { AppError } from './http/app-error';
import { renderError } from './http/render-error';
import { requestLogger } from './http/logger';
import type { CaseLibrary } from './library/case-library';
import { libraryRoute } from './library/library-route';
import { launchConfigRoute } from './tenants/launch-config-route';
import type { Database } from './store/database';
import type { TenantStore } from './tenants/tenant-store';
import { webRoutes } from './web/web-routes';

export interface AppDeps {
  logger: Logger;
  tenants: TenantStore;
  library: CaseLibrary;
  keys: AppKeys;
  discovery: TenantDiscovery;
  ledger: LedgerStore;
  /** The store itself, for features that keep their own tables (CDS Hooks). */
  db: Database;
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
  app.get('/.well-known/jwks.json', (_req, res) =>
    res.set('Cache-Control', 'public, max-age=300').json(deps.keys.jwks),
  );
  app.get('/api/library', libraryRoute(deps.library));
  app.get('/logo.svg', appLogoRoute());
  const outcomes: OutcomeViewDeps = {
    outcomes: new OutcomeStore(deps.db),
    library: deps.library,
    measures: createMeasures(deps.library.valueSets),
    windows: config.outcomes.windows,
  };
  app.use(
    '/api/admin',
    adminRoutes({
      adminToken: config.adminToken,
      db: deps.db,
      tenants: deps.tenants,
      publicUrl: config.publicUrl,
      production: config.production,
      parsColumns: config.parsColumns,
      outcomes,
    }),
  );
  app.use(
    '/cds-services',
    cdsHooksRoutes({
      logger: deps.logger,
      tenants: deps.tenants,
      library: deps.library,
      db: deps.db,
      publicUrl: config.publicUrl,
      allowedOrigins: config.cdsHooks.allowedOrigins,
    }),
  );
  const session = {
    tenants: deps.tenants,
    discovery: deps.discovery,
    keys: deps.keys,
    publicUrl: config.publicUrl,
  };
  app.post('/api/session', express.json({ limit: '32kb' }), createSessionRoute(session));
  const learnerOnly = requireSession(session);
  app.get('/api/session', learnerOnly, (_req, res) => {
    const learner = res.locals.learner as Learner;
    res.json({
      fhirUser: learner.fhirUser,
      tenant: { name: learner.tenant.name, iss: learner.tenant.iss },
    });
  });
  app.use(
    [
      '/api/completions',
      '/api/credits',
      '/api/profile',
      '/api/reviews',
      '/api/history',
      '/api/outcomes',
    ],
    learnerOnly,
  );
  const reviews = new ReviewStore(deps.db);
  const profiles = new ProfileStore(deps.db);
  app.use(
    '/api',
    creditRoutes({
      ledger: deps.ledger,
      library: deps.library,
      keys: deps.keys,
      settings: config.credit,
      professionOf: async (learner) => (await profiles.get(learnerKey(learner))).profile.profession,
      onRecorded: reviewCompletedCase(reviews, deps.logger),
    }),
  );
  app.use(
    '/api',
    learnerRoutes({ db: deps.db, reviews, ledger: deps.ledger, library: deps.library }),
  );
  app.use('/api', outcomeRoutes(outcomes));
  // The façade's CapabilityStatement and micro-case content are public; the rest is the
  // learner's own record.
  app.use('/fhir', (req, res, next) =>
    isPublicFacadePath(req.path) ? next() : learnerOnly(req, res, next),
  );
  app.use(
    '/fhir',
    facadeRoutes({ ledger: deps.ledger, library: deps.library, publicUrl: config.publicUrl }),
  );
  app.use('/api', (_req, _res, next) => {
    next(new AppError('NOT_FOUND', 404, 'No such API endpoint'));
  });
  app.use(webRoutes({ webDir: config.webDir, tenants: deps.tenants }));
  app.use(renderError(deps.logger));
  return app;
}
