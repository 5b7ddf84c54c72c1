import { Router, type Response } from 'express';
import type { Bundle, Resource } from 'fhir/r4';
import type { Learner } from '../auth/session-routes';
import type { LedgerStore } from '../credits/ledger-store';
import { AppError } from '../http/app-error';
import type { CaseLibrary } from '../library/case-library';
import { facadeCapabilityStatement } from './capability-statement';
import { caseContentRoutes, CONTENT_TYPES } from './case-content-routes';

const TYPES = new Set(['Basic', 'QuestionnaireResponse', 'Provenance']);
const FHIR_JSON = 'application/fhir+json';

type Search = (resource: Resource, value: string) => boolean;

/** Search parameters the façade answers, per type (FHIR R4 search parameter names). */
const SEARCH: Record<string, Record<string, Search>> = {
  Basic: {},
  QuestionnaireResponse: {
    encounter: (r, v) =>
      (r as { encounter?: { reference?: string } }).encounter?.reference?.includes(v) ?? false,
    questionnaire: (r, v) =>
      (r as { questionnaire?: string }).questionnaire?.startsWith(v) ?? false,
  },
  Provenance: {
    target: (r, v) =>
      (r as { target?: { reference?: string }[] }).target?.some((t) => t.reference === v) ?? false,
  },
};

/** The CapabilityStatement and the micro-case content need no session; the ledger does. */
export function isPublicFacadePath(path: string): boolean {
  return (
    path === '/metadata' ||
    CONTENT_TYPES.some((type) => path === `/${type}` || path.startsWith(`/${type}/`))
  );
}

function learnerResources(rows: { resources: string }[], type: string): Resource[] {
  return rows.flatMap((row) =>
    (JSON.parse(row.resources) as Resource[]).filter((r) => r.resourceType === type),
  );
}

function send(res: Response, body: unknown): void {
  res.type(FHIR_JSON).set('Cache-Control', 'no-store').json(body);
}

/**
 * Read-only FHIR R4 façade of the ledger: the signed-in learner reads and searches their own
 * credit awards (Basic), completions (QuestionnaireResponse) and Provenance; anyone reads the
 * micro-cases they reference (Questionnaire, PlanDefinition).
 */
export function facadeRoutes(deps: {
  ledger: LedgerStore;
  library: CaseLibrary;
  publicUrl: string;
}): Router {
  const routes = Router();
  const base = `${deps.publicUrl}/fhir`;
  const rowsOf = (learner: Learner) =>
    deps.ledger.listCredits(learner.tenant.id, learner.fhirUser, {
      from: '0000-01-01',
      to: '9999-12-31',
    });
  const checkType = (type: string): void => {
    if (!TYPES.has(type))
      throw new AppError(
        'NOT_FOUND',
        404,
        `The façade serves Basic, QuestionnaireResponse, Provenance, Questionnaire and PlanDefinition, not ${type}`,
      );
  };
  routes.get('/metadata', (_req, res) => send(res, facadeCapabilityStatement(base, SEARCH)));
  routes.use(caseContentRoutes({ library: deps.library, base }));
  routes.get('/:type/:id', async (req, res) => {
    checkType(req.params.type);
    const found = learnerResources(
      await rowsOf(res.locals.learner as Learner),
      req.params.type,
    ).find((r) => r.id === req.params.id);
    if (!found)
      throw new AppError('NOT_FOUND', 404, `${req.params.type}/${req.params.id} not found`);
    send(res, found);
  });
  routes.get('/:type', async (req, res) => {
    const { type } = req.params;
    checkType(type);
    const filters = Object.entries(req.query).filter(
      ([key]) => !key.startsWith('_') || key === '_id',
    );
    const supported = SEARCH[type] ?? {};
    let resources = learnerResources(await rowsOf(res.locals.learner as Learner), type);
    for (const [key, value] of filters) {
      if (typeof value !== 'string')
        throw new AppError('REQUEST_INVALID', 400, `Repeat ${key} is not supported`, [key]);
      const test: Search | undefined = key === '_id' ? (r, v) => r.id === v : supported[key];
      if (!test)
        throw new AppError('REQUEST_INVALID', 400, `Unknown search parameter ${key} for ${type}`, [
          key,
        ]);
      resources = resources.filter((r) => test(r, value));
    }
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: resources.length,
      entry: resources.map((resource) => ({
        fullUrl: `${base}/${type}/${resource.id ?? ''}`,
        resource,
        search: { mode: 'match' },
      })),
    };
    send(res, bundle);
  });
  return routes;
}
