import type { MemoryRepository } from '@medplum/fhir-router';
import { Router, type Request, type Response } from 'express';
import type { Group, OperationOutcome } from 'fhir/r4';
import type { AccessTokenClaims } from '../auth/access-token';
import { effectiveScopes, grantedLevel } from '../auth/scopes';
import { ExportJobs, type ExportJob } from './bulk-export-jobs';
import { checkKickOff } from './bulk-export-request';
import { takeSnapshot, type PatientFilter } from './bulk-export-snapshot';
import { exportTypes } from './bulk-export-types';
import { outcome } from './operation-outcome';

export interface BulkExportDeps {
  repo: MemoryRepository;
  fhirBaseUrl: string;
  delayMs: number;
  fileLimit: number;
  /** Verifies the bearer token; answers 401 itself and gives undefined when there is none. */
  authenticate(req: Request, res: Response): Promise<AccessTokenClaims | undefined>;
}

/** Where a job's status lives, and its files under it: `{fhir base}/bulk-export/{job}`. */
const JOBS_PATH = '/bulk-export';
const FHIR_JSON = 'application/fhir+json';

/** The manifest of a finished export (Bulk Data Access IG 2.0.0 §Response - Complete Status). */
interface ExportManifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: true;
  output: { type: string; url: string; count: number }[];
  error: { type: string; url: string }[];
}

/**
 * FHIR Bulk Data Access IG 2.0.0 $export at system, Patient and Group level, for Backend Services
 * tokens only. Status, files and cancellation answer only the client that started the job, and
 * only while its token still covers the exported types (§Privacy and Security Considerations).
 */
export function bulkExportRoutes(deps: BulkExportDeps): Router {
  const jobs = new ExportJobs({ delayMs: deps.delayMs });
  const routes = Router();
  routes.get('/$export', (req, res) => kickOff(req, res, deps, jobs, { level: 'system' }));
  routes.get('/Patient/$export', (req, res) => kickOff(req, res, deps, jobs, { level: 'patient' }));
  routes.get('/Group/:id/$export', (req, res) =>
    kickOff(req, res, deps, jobs, { level: 'group', groupId: req.params.id }),
  );
  routes.get(`${JOBS_PATH}/:job`, async (req, res) => {
    const owned = await ownJob(req, res, deps, jobs);
    if (owned && covers(res, owned.claims, owned.job.types)) status(res, deps, jobs, owned.job);
  });
  routes.delete(`${JOBS_PATH}/:job`, async (req, res) => {
    const owned = await ownJob(req, res, deps, jobs);
    if (!owned) return;
    jobs.delete(owned.job.id);
    fhirJson(res, 202, outcome('informational', 'The export was cancelled and its files deleted'));
  });
  routes.get(`${JOBS_PATH}/:job/:file`, async (req, res) => {
    const owned = await ownJob(req, res, deps, jobs);
    if (!owned) return;
    const done = jobs.isDone(owned.job) ? owned.job.outcome : undefined;
    const file =
      done && 'snapshot' in done
        ? done.snapshot.files.find((f) => fileName(f) === req.params.file)
        : undefined;
    if (!file) {
      fhirJson(res, 404, outcome('not-found', 'No such export file'));
      return;
    }
    if (!covers(res, owned.claims, [file.type])) return;
    res.status(200).set('Cache-Control', 'no-store').type('application/fhir+ndjson');
    res.send(file.ndjson);
  });
  return routes;
}

/** The three kick-off endpoints (§Bulk Data Kick-off Request, Endpoints). */
type ExportLevel = { level: 'system' } | { level: 'patient' } | { level: 'group'; groupId: string };

async function kickOff(
  req: Request,
  res: Response,
  deps: BulkExportDeps,
  jobs: ExportJobs,
  endpoint: ExportLevel,
): Promise<void> {
  const claims = await deps.authenticate(req, res);
  if (!claims) return;
  if (claims.grant_type !== 'client_credentials') {
    fhirJson(res, 403, outcome('forbidden', '$export needs a Backend Services (system) token'));
    return;
  }
  const check = checkKickOff(new URLSearchParams(req.url.split('?')[1] ?? ''), {
    prefer: req.get('prefer'),
    accept: req.get('accept'),
  });
  if (!check.ok) {
    fhirJson(res, 400, check.outcome);
    return;
  }
  const scopes = effectiveScopes(claims.scope, true);
  let patients: PatientFilter = { kind: endpoint.level === 'system' ? 'none' : 'all-patients' };
  if (endpoint.level === 'group') {
    if (grantedLevel(scopes, 'Group', 'r') !== 'system') {
      fhirJson(res, 403, outcome('forbidden', 'Scope does not allow r on Group'));
      return;
    }
    const group = await readGroup(deps.repo, endpoint.groupId);
    if (!group) {
      fhirJson(res, 404, outcome('not-found', `Group/${endpoint.groupId} not found`));
      return;
    }
    patients = { kind: 'members', patientIds: memberPatientIds(group) };
  }
  const { since } = check.params;
  const resolved = exportTypes(scopes, check.params.types, endpoint.level !== 'system');
  if (!resolved.ok) {
    fhirJson(res, resolved.status, resolved.outcome);
    return;
  }
  const { types } = resolved;
  const job = jobs.start(
    { clientId: claims.client_id, request: `${deps.fhirBaseUrl}${req.url}`, types },
    (cancelled) =>
      takeSnapshot(deps.repo, { types, since, patients, fileLimit: deps.fileLimit }, cancelled),
  );
  if (!job) {
    res.set('Retry-After', '60');
    fhirJson(res, 429, outcome('throttled', 'Too many exports: delete finished ones first'));
    return;
  }
  res.set('Content-Location', `${deps.fhirBaseUrl}${JOBS_PATH}/${job.id}`);
  fhirJson(res, 202, outcome('informational', 'Export started; poll Content-Location'));
}

function status(res: Response, deps: BulkExportDeps, jobs: ExportJobs, job: ExportJob): void {
  res.set('Cache-Control', 'no-store');
  if (!jobs.isDone(job)) {
    res.set('X-Progress', 'in progress');
    res.set('Retry-After', String(Math.max(1, Math.ceil(jobs.remainingMs(job) / 1000))));
    res.status(202).end();
    return;
  }
  if (!job.outcome || 'failure' in job.outcome) {
    fhirJson(res, 500, outcome('exception', 'The export failed; start a new one'));
    return;
  }
  const { snapshot } = job.outcome;
  const manifest: ExportManifest = {
    transactionTime: snapshot.transactionTime,
    request: job.request,
    requiresAccessToken: true,
    output: snapshot.files.map((file) => ({
      type: file.type,
      url: `${deps.fhirBaseUrl}${JOBS_PATH}/${job.id}/${fileName(file)}`,
      count: file.count,
    })),
    error: [],
  };
  res.set('Expires', new Date(job.expiresAt).toUTCString());
  res.status(200).json(manifest);
}

/**
 * The job named in the path, when the bearer token belongs to the Backend Services client that
 * started it. Any other caller learns nothing, not even that the job exists (404).
 */
async function ownJob(
  req: Request,
  res: Response,
  deps: BulkExportDeps,
  jobs: ExportJobs,
): Promise<{ job: ExportJob; claims: AccessTokenClaims } | undefined> {
  const claims = await deps.authenticate(req, res);
  if (!claims) return undefined;
  const job = jobs.find(String(req.params.job));
  if (!job || claims.grant_type !== 'client_credentials' || claims.client_id !== job.clientId) {
    fhirJson(res, 404, outcome('not-found', 'No such export job'));
    return undefined;
  }
  return { job, claims };
}

/** Whether the token still reads every type (answers 403 when not). */
function covers(res: Response, claims: AccessTokenClaims, types: readonly string[]): boolean {
  const scopes = effectiveScopes(claims.scope, true);
  const missing = types.find((type) => grantedLevel(scopes, type, 'r') !== 'system');
  if (missing === undefined) return true;
  fhirJson(res, 403, outcome('forbidden', `Scope does not allow r on ${missing}`));
  return false;
}

function fileName(file: { type: string; part: number }): string {
  return `${file.type}-${file.part}.ndjson`;
}

async function readGroup(repo: MemoryRepository, id: string): Promise<Group | undefined> {
  try {
    return (await repo.readResource('Group', id)) as unknown as Group;
  } catch {
    return undefined;
  }
}

/** Current members that are patients (FHIR R4 Group.member; inactive members are left out). */
function memberPatientIds(group: Group): Set<string> {
  const ids = new Set<string>();
  for (const member of group.member ?? []) {
    const id = /^Patient\/([^/]+)$/.exec(member.entity.reference ?? '')?.[1];
    if (id !== undefined && member.inactive !== true) ids.add(id);
  }
  return ids;
}

function fhirJson(res: Response, status: number, body: OperationOutcome): void {
  res.status(status).set('Cache-Control', 'no-store').type(FHIR_JSON).json(body);
}
