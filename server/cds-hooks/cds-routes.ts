import express, { Router } from 'express';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { CDS_SERVICE_IDS } from '../../core/cds-hooks/service-ids';
import { indexValueSets } from '../../core/matcher/match-cases';
import { AppError } from '../http/app-error';
import { ReviewStore } from '../learners/review-store';
import type { CaseLibrary } from '../library/case-library';
import type { Database } from '../store/database';
import type { TenantStore } from '../tenants/tenant-store';
import { answerHook } from './answer-hook';
import { cdsCors } from './cds-cors';
import { CdsFeedbackStore } from './feedback-store';
import { GroupCommit } from '../store/group-commit';
import { IssuedCardStore } from './issued-card-store';
import { CdsJtiStore } from './jti-store';
import { CdsPrefetchError } from './prefetch-error';
import { recordFeedback } from './record-feedback';
import { CDS_DISCOVERY, isCdsServiceId } from './services';
import { CdsTrust, CdsTrustError, type TrustedCall } from './verify-cds-jwt';

export interface CdsRoutesDeps {
  logger: Logger;
  tenants: TenantStore;
  library: CaseLibrary;
  db: Database;
  publicUrl: string;
  allowedOrigins: readonly string[];
  now?: () => Date;
}

/** Bodies carry a patient's prefetched chart: generous, but bounded. */
const SERVICE_BODY_LIMIT = '8mb';

/**
 * `/cds-services`: discovery, the three services and their feedback endpoints (CDS Hooks 2.0.1).
 * Discovery is public (it names services, no patient data); every other call must carry a JWT
 * from a CDS client registered on an active tenant, or gets a bare 401.
 */
export function cdsHooksRoutes(deps: CdsRoutesDeps): Router {
  const commit = new GroupCommit(deps.db);
  const trust = new CdsTrust({
    tenants: deps.tenants,
    db: deps.db,
    jtis: new CdsJtiStore(deps.db, commit),
    publicUrl: deps.publicUrl,
  });
  const cards = new IssuedCardStore(deps.db, commit);
  const feedback = new CdsFeedbackStore(deps.db);
  // Read only here: the cards a learner's answers moved, to offer a due one as a refresher.
  const reviews = new ReviewStore(deps.db);
  const valueSetCodes = indexValueSets(deps.library.valueSets);
  const routes = Router();
  routes.use(cdsCors(deps.allowedOrigins));
  routes.get('/', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(CDS_DISCOVERY);
  });

  const trusted = (suffix: string): RequestHandler => {
    return async (req, res, next) => {
      const id = String(req.params.id);
      if (!isCdsServiceId(id)) throw new AppError('NOT_FOUND', 404, `No CDS service ${id}`);
      const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
      if (token === undefined) throw new CdsTrustError('no bearer token');
      const fhirServer = (req.body as { fhirServer?: unknown } | undefined)?.fhirServer;
      res.locals.cds = await trust.verify(
        token,
        `/cds-services/${id}${suffix}`,
        typeof fhirServer === 'string' ? fhirServer : undefined,
      );
      next();
    };
  };
  const json = (limit: string): RequestHandler =>
    express.json({ limit, type: ['application/json', 'application/fhir+json'] });

  routes.post('/:id', json(SERVICE_BODY_LIMIT), trusted(''), async (req, res) => {
    const id = String(req.params.id) as (typeof CDS_SERVICE_IDS)[keyof typeof CDS_SERVICE_IDS];
    const answer = await answerHook(id, req.body, res.locals.cds as TrustedCall, {
      library: deps.library,
      valueSetCodes,
      db: deps.db,
      cards,
      feedback,
      reviews,
      publicUrl: deps.publicUrl,
      ...(deps.now && { now: deps.now }),
    });
    res.set('Cache-Control', 'no-store').json(answer);
  });
  routes.post('/:id/feedback', json('256kb'), trusted('/feedback'), async (req, res) => {
    const id = String(req.params.id) as (typeof CDS_SERVICE_IDS)[keyof typeof CDS_SERVICE_IDS];
    const result = await recordFeedback(id, req.body, res.locals.cds as TrustedCall, {
      cards,
      feedback,
      ...(deps.now && { now: deps.now }),
    });
    if (result.ignored > 0)
      deps.logger.info(
        { reqId: res.locals.requestId as unknown, ...result },
        'CDS feedback for unknown cards',
      );
    res.status(200).end();
  });
  routes.use(cdsErrors(deps.logger));
  return routes;
}

/** 401 with no detail for trust failures; 412 when the chart cannot be had; the rest as usual. */
function cdsErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (error instanceof CdsTrustError) {
      logger.warn(
        { reqId: res.locals.requestId as unknown, reason: error.reason },
        'CDS call refused',
      );
      res.status(401).set('WWW-Authenticate', 'Bearer').end();
      return;
    }
    if (error instanceof CdsPrefetchError) {
      const message = `Prefetch is missing (${error.keys.join(', ')}) and the FHIR server cannot be read: send fhirAuthorization or the prefetch.`;
      const expression = error.keys.map((key) => `prefetch.${key}`);
      next(new AppError('CDS_PREFETCH_UNAVAILABLE', 412, message, expression));
      return;
    }
    next(error);
  };
}
