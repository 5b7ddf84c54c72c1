import { getStatus, isOk } from '@medplum/core';
import type { FhirRequest, FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import { Router, type Request, type Response } from 'express';
import type { Bundle, BundleEntry, OperationOutcome, Resource } from 'fhir/r4';
import { verifyAccessToken, type AccessTokenClaims } from '../auth/access-token';
import { effectiveScopes, grantedLevel } from '../auth/scopes';
import type { SigningKey } from '../auth/signing-key';
import { bulkExportRoutes } from './bulk-export-routes';
import { buildCapabilityStatement } from './capability-statement';
import { sortByDate } from './date-sort';
import { outcome } from './operation-outcome';
import {
  belongsToPatient,
  isPatientCompartmentType,
  patientSearchParam,
} from './patient-compartment';

export interface FhirRoutesDeps {
  repo: MemoryRepository;
  router: FhirRouter;
  fhirBaseUrl: string;
  signingKey: SigningKey;
  /** Bulk Data $export: simulated work time and most resources per NDJSON file. */
  bulkExport: { delayMs: number; fileLimit: number };
}

const MAX_COUNT = 200;
const DEFAULT_COUNT = 20;
const FHIR_JSON = 'application/fhir+json';
/** The router's own maximum page size (@medplum/core DEFAULT_MAX_SEARCH_COUNT). */
const ROUTER_PAGE = 1000;

/** Read-only FHIR R4 REST API (read, vread, search) guarded by SMART access tokens. */
export function fhirRoutes(deps: FhirRoutesDeps): Router {
  const routes = Router();
  routes.get('/metadata', (_req, res) => {
    res.type(FHIR_JSON).json(buildCapabilityStatement(deps.fhirBaseUrl));
  });
  // Before the generic routes: `/$export` would otherwise read as a resource type.
  routes.use(
    bulkExportRoutes({
      ...deps.bulkExport,
      repo: deps.repo,
      fhirBaseUrl: deps.fhirBaseUrl,
      authenticate: (req, res) => authenticate(req, res, deps),
    }),
  );
  routes.get('/:type', async (req, res) => {
    const claims = await authorize(req, res, deps, req.params.type, 's');
    if (claims) await search(req, res, deps, req.params.type, claims);
  });
  routes.get('/:type/:id{/_history/:vid}', async (req, res) => {
    const { type, id, vid } = req.params;
    const claims = await authorize(req, res, deps, type, 'r');
    if (!claims) return;
    const path = vid === undefined ? `${type}/${id}` : `${type}/${id}/_history/${vid}`;
    const [result, resource] = await deps.router.handleRequest(fhirRequest(path, {}), deps.repo);
    if (!isOk(result) || !resource) {
      res.status(getStatus(result)).type(FHIR_JSON).json(result);
      return;
    }
    if (claims.patient !== undefined && !belongsToPatient(resource as Resource, claims.patient)) {
      // Outside the token's patient: answer as if it did not exist, as EHRs do.
      res
        .status(404)
        .type(FHIR_JSON)
        .json(outcome('not-found', `${path} not found`));
      return;
    }
    res.type(FHIR_JSON).json(resource);
  });
  return routes;
}

/** The verified claims of the request's bearer token, or undefined once 401 is answered. */
async function authenticate(
  req: Request,
  res: Response,
  deps: FhirRoutesDeps,
): Promise<AccessTokenClaims | undefined> {
  const token = /^Bearer (\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  if (token === undefined) {
    res.status(401).set('WWW-Authenticate', 'Bearer').type(FHIR_JSON);
    res.json(outcome('login', 'Bearer access token required'));
    return undefined;
  }
  let claims: AccessTokenClaims;
  try {
    claims = await verifyAccessToken(deps.signingKey, deps.fhirBaseUrl, token);
  } catch {
    res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').type(FHIR_JSON);
    res.json(outcome('expired', 'Access token invalid or expired'));
    return undefined;
  }
  return claims;
}

async function authorize(
  req: Request,
  res: Response,
  deps: FhirRoutesDeps,
  resourceType: string,
  interaction: 'r' | 's',
): Promise<AccessTokenClaims | undefined> {
  const claims = await authenticate(req, res, deps);
  if (!claims) return undefined;
  const backend = claims.grant_type === 'client_credentials';
  const scopes = effectiveScopes(claims.scope, backend);
  const level = grantedLevel(scopes, resourceType, interaction);
  const needsPatient = level === 'patient' && isPatientCompartmentType(resourceType);
  if (level === undefined || (needsPatient && claims.patient === undefined)) {
    res.status(403).type(FHIR_JSON);
    res.json(outcome('forbidden', `Scope does not allow ${interaction} on ${resourceType}`));
    return undefined;
  }
  // Only patient-level grants confine the token to its patient.
  return level === 'patient' ? claims : { ...claims, patient: undefined };
}

async function search(
  req: Request,
  res: Response,
  deps: FhirRoutesDeps,
  resourceType: string,
  claims: AccessTokenClaims,
): Promise<void> {
  const query = searchQuery(req, resourceType);
  const linkParam = patientSearchParam(resourceType);
  if (claims.patient !== undefined && isPatientCompartmentType(resourceType) && linkParam) {
    const wanted = linkParam === '_id' ? claims.patient : `Patient/${claims.patient}`;
    const asked = query.get(linkParam);
    if (asked !== null && asked !== wanted) {
      res.status(403).type(FHIR_JSON);
      res.json(outcome('forbidden', `Token is limited to Patient/${claims.patient}`));
      return;
    }
    query.set(linkParam, wanted);
  }
  const count = Math.min(Number(query.get('_count') ?? DEFAULT_COUNT) || DEFAULT_COUNT, MAX_COUNT);
  const offset = Math.max(Number(query.get('_offset') ?? 0) || 0, 0);
  query.set('_count', String(count));
  query.set('_offset', String(offset));
  const sort = query.get('_sort');
  let page: { entries: BundleEntry[]; total: number };
  try {
    page =
      sort === 'date' || sort === '-date'
        ? await searchSortedByDate(deps, resourceType, query, sort === '-date')
        : await routerSearch(deps, resourceType, query);
  } catch (error) {
    const result =
      error instanceof SearchError ? error.outcome : outcome('exception', 'Search failed');
    res
      .status(error instanceof SearchError ? error.status : 500)
      .type(FHIR_JSON)
      .json(result);
    return;
  }
  const entries = page.entries.filter(
    (entry) =>
      claims.patient === undefined ||
      (entry.resource !== undefined && belongsToPatient(entry.resource, claims.patient)),
  );
  const pageUrl = (at: number): string => {
    const params = new URLSearchParams(query);
    params.set('_offset', String(at));
    return `${deps.fhirBaseUrl}/${resourceType}?${params.toString()}`;
  };
  const link: Bundle['link'] = [{ relation: 'self', url: pageUrl(offset) }];
  if (offset + count < page.total) link.push({ relation: 'next', url: pageUrl(offset + count) });
  res.type(FHIR_JSON).json({
    resourceType: 'Bundle',
    type: 'searchset',
    total: page.total,
    link,
    entry: entries.map((entry) => ({
      fullUrl: `${deps.fhirBaseUrl}/${entry.resource?.resourceType ?? resourceType}/${entry.resource?.id ?? ''}`,
      resource: entry.resource,
      search: { mode: 'match' },
    })),
  } satisfies Bundle);
}

class SearchError extends Error {
  constructor(
    readonly outcome: OperationOutcome,
    readonly status: number,
  ) {
    super(outcome.issue[0]?.diagnostics ?? 'search failed');
  }
}

async function routerSearch(
  deps: FhirRoutesDeps,
  resourceType: string,
  query: URLSearchParams,
): Promise<{ entries: BundleEntry[]; total: number }> {
  const params = new URLSearchParams(query);
  params.set('_total', 'accurate');
  const [result, body] = await deps.router.handleRequest(
    fhirRequest(`${resourceType}?${params.toString()}`, Object.fromEntries(params)),
    deps.repo,
  );
  if (!isOk(result) || !body) throw new SearchError(result as OperationOutcome, getStatus(result));
  const bundle = body as Bundle;
  return { entries: bundle.entry ?? [], total: bundle.total ?? 0 };
}

/** `_sort=date`/`-date`: every match read unsorted, sorted in code (see date-sort.ts), then paged. */
async function searchSortedByDate(
  deps: FhirRoutesDeps,
  resourceType: string,
  query: URLSearchParams,
  descending: boolean,
): Promise<{ entries: BundleEntry[]; total: number }> {
  const all: BundleEntry[] = [];
  const unsorted = new URLSearchParams(query);
  unsorted.delete('_sort');
  unsorted.set('_count', String(ROUTER_PAGE));
  for (let at = 0; ; at += ROUTER_PAGE) {
    unsorted.set('_offset', String(at));
    const page = await routerSearch(deps, resourceType, unsorted);
    all.push(...page.entries);
    if (page.entries.length === 0 || at + ROUTER_PAGE >= page.total) break;
  }
  const offset = Number(query.get('_offset'));
  const sorted = sortByDate(all, descending).slice(offset, offset + Number(query.get('_count')));
  return { entries: sorted, total: all.length };
}

/**
 * Query parameters made into what the in-memory router matches quickly and correctly: bare
 * patient ids become references, and `patient` becomes `subject` where the type has one.
 */
function searchQuery(req: Request, resourceType: string): URLSearchParams {
  const query = new URLSearchParams(req.url.split('?')[1] ?? '');
  for (const key of ['patient', 'subject']) {
    const value = query.get(key);
    if (value && !value.includes('/')) query.set(key, `Patient/${value}`);
  }
  const patient = query.get('patient');
  if (patient !== null && patientSearchParam(resourceType) === 'subject' && !query.has('subject')) {
    query.delete('patient');
    query.set('subject', patient);
  }
  return query;
}

function fhirRequest(url: string, query: Record<string, string>): FhirRequest {
  return { method: 'GET', url, pathname: '', body: undefined, params: {}, query };
}
