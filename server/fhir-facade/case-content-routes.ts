import { Router, type Response } from 'express';
import type { Bundle, PlanDefinition, Questionnaire } from 'fhir/r4';
import { buildCasePlanDefinition } from '../../core/fhir/case-plan-definition';
import { buildCaseQuestionnaire } from '../../core/fhir/case-questionnaire';
import { AppError } from '../http/app-error';
import type { CaseLibrary } from '../library/case-library';

type Content = Questionnaire | PlanDefinition;

/** The micro-case content types: public, like `/api/library` (content, never learner data). */
export const CONTENT_TYPES = ['Questionnaire', 'PlanDefinition'] as const;

/** Search parameters answered for content (FHIR R4 canonical-resource parameters). */
export const CONTENT_SEARCH = {
  _id: 'token',
  url: 'uri',
  version: 'token',
  name: 'string',
  status: 'token',
} as const;

const matches: Record<keyof typeof CONTENT_SEARCH, (r: Content, v: string) => boolean> = {
  _id: (r, v) => r.id === v,
  // `url=…|1.0.0` names a version too, as a canonical reference does (FHIR R4 search on uri).
  url: (r, v) => {
    const [url, version] = v.split('|');
    return r.url === url && (version === undefined || r.version === version);
  },
  version: (r, v) => r.version === v,
  name: (r, v) => r.name?.toLowerCase().startsWith(v.toLowerCase()) ?? false,
  status: (r, v) => r.status === v,
};

function send(res: Response, body: unknown): void {
  res.type('application/fhir+json').set('Cache-Control', 'public, max-age=300').json(body);
}

/**
 * An earlier published version, as a canonical resource of its own: the same `url`, its own
 * `version`, an id of its own (`{case id}-{version}`), and `retired`, so `status=active` finds
 * only what is taught now while `url=…|1.0.0` still resolves what a credit names.
 */
function asArchived<R extends Content>(resource: R): R {
  return { ...resource, id: `${resource.id ?? ''}-${resource.version ?? ''}`, status: 'retired' };
}

/**
 * `GET /fhir/Questionnaire[/{id}]` and `GET /fhir/PlanDefinition[/{id}]`: every library case as
 * FHIR, generated from its JSON at start-up (the case JSON stays the one source of truth), and
 * every earlier published version beside it.
 */
export function caseContentRoutes(deps: { library: CaseLibrary; base: string }): Router {
  const routes = Router();
  const { cases, archived = [] } = deps.library;
  const content: Record<(typeof CONTENT_TYPES)[number], Content[]> = {
    Questionnaire: [
      ...cases.map(buildCaseQuestionnaire),
      ...archived.map((c) => asArchived(buildCaseQuestionnaire(c))),
    ],
    PlanDefinition: [
      ...cases.map(buildCasePlanDefinition),
      ...archived.map((c) => asArchived(buildCasePlanDefinition(c))),
    ],
  };
  for (const type of CONTENT_TYPES) {
    routes.get(`/${type}/:id`, (req, res) => {
      const found = content[type].find((r) => r.id === req.params.id);
      if (!found) throw new AppError('NOT_FOUND', 404, `${type}/${req.params.id} not found`);
      send(res, found);
    });
    routes.get(`/${type}`, (req, res) => {
      let resources = content[type];
      for (const [key, value] of Object.entries(req.query)) {
        if (key.startsWith('_') && key !== '_id') continue;
        if (!(key in matches))
          throw new AppError(
            'REQUEST_INVALID',
            400,
            `Unknown search parameter ${key} for ${type}`,
            [key],
          );
        if (typeof value !== 'string')
          throw new AppError('REQUEST_INVALID', 400, `Repeat ${key} is not supported`, [key]);
        const test = matches[key as keyof typeof CONTENT_SEARCH];
        resources = resources.filter((r) => test(r, value));
      }
      const bundle: Bundle = {
        resourceType: 'Bundle',
        type: 'searchset',
        total: resources.length,
        entry: resources.map((resource) => ({
          fullUrl: `${deps.base}/${type}/${resource.id ?? ''}`,
          resource,
          search: { mode: 'match' },
        })),
      };
      send(res, bundle);
    });
  }
  return routes;
}
