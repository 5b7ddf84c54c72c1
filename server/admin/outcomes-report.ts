import { Router, type Request } from 'express';
import { z } from 'zod';
import { MEASURE_IDS } from '../../core/measures/measure';
import type {
  AdminOutcomesResponse,
  ClinicianComparison,
  WindowRate,
} from '../../core/wire/outcomes';
import { AppError, invalidRequest } from '../http/app-error';
import { ProfileStore } from '../learners/profile-store';
import {
  measureSummaries,
  presentComparison,
  runSummary,
  type OutcomeViewDeps,
} from '../outcomes/outcome-routes';
import type { Database } from '../store/database';
import type { TenantStore } from '../tenants/tenant-store';
import type { AuditStore } from './audit-store';
import { csvField } from './pars-export';
import { ALL_TENANTS } from './pars-route';

export interface OutcomesReportDeps extends OutcomeViewDeps {
  db: Database;
  tenants: TenantStore;
  audit: AuditStore;
}

const outcomesQuerySchema = z.object({
  tenant: z.string().min(1).optional(),
  measure: z.enum(MEASURE_IDS).optional(),
});
type OutcomesQuery = z.infer<typeof outcomesQuerySchema>;

export const OUTCOMES_CSV_HEADER = [
  'tenant',
  'clinician',
  'measure',
  'case',
  'credited at',
  ...(['before', 'after'] as const).flatMap((window) =>
    ['period', 'numerator', 'denominator', 'rate', 'CI'].map((column) => `${window} ${column}`),
  ),
];

/** The clinician's name as their profile gives it, when they gave one. */
async function learnerNames(
  db: Database,
  rows: readonly { tenantId: string; learner: string }[],
): Promise<Map<string, string>> {
  const profiles = new ProfileStore(db);
  const names = new Map<string, string>();
  for (const key of new Map(rows.map((r) => [`${r.tenantId} ${r.learner}`, r])).values()) {
    const { firstName, lastName } = (await profiles.get(key)).profile.reporting;
    const name = [firstName, lastName].filter(Boolean).join(' ');
    if (name) names.set(`${key.tenantId} ${key.learner}`, name);
  }
  return names;
}

/** The CME office's view: every clinician's comparisons, filtered by EHR and measure. */
export async function outcomesReport(
  deps: OutcomesReportDeps,
  query: OutcomesQuery,
): Promise<AdminOutcomesResponse> {
  if (query.tenant !== undefined && !(await deps.tenants.findById(query.tenant)))
    throw new AppError('TENANT_NOT_REGISTERED', 404, `No EHR is registered as ${query.tenant}`, [
      'tenant',
    ]);
  const filter = query.tenant === undefined ? {} : { tenantId: query.tenant };
  const [stored, run] = await Promise.all([
    deps.outcomes.all(filter),
    deps.outcomes.lastRun(query.tenant),
  ]);
  const rows = stored.filter(
    (r) =>
      (query.tenant === undefined || r.tenantId === query.tenant) &&
      (query.measure === undefined || r.measureId === query.measure),
  );
  const names = await learnerNames(deps.db, rows);
  const comparisons: ClinicianComparison[] = rows.flatMap((row) => {
    const shown = presentComparison(row, deps);
    if (shown === undefined) return [];
    // The name the clinician gave in their profile, else the EHR's Practitioner name.
    const learnerName = names.get(`${row.tenantId} ${row.learner}`) ?? row.learnerName ?? null;
    return [{ ...shown, tenantId: row.tenantId, learner: row.learner, learnerName }];
  });
  return {
    ...runSummary(run, deps.windows),
    measures: measureSummaries(
      deps.measures,
      comparisons.map((c) => c.measureId),
    ),
    comparisons,
  };
}

/**
 * A CSV cell a spreadsheet shows as text: one starting with =, +, -, @, tab or CR would be run
 * as a formula (OWASP "CSV injection"), so it gets a leading apostrophe; then RFC 4180 quoting.
 */
export function csvCell(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

const proportion = (value: number | null): string => (value === null ? '' : value.toFixed(4));

function windowCells(window: WindowRate): string[] {
  return [
    `${window.periodStart.slice(0, 10)}/${window.periodEnd.slice(0, 10)}`,
    String(window.numerator),
    String(window.denominator),
    proportion(window.rate),
    window.ciLow === null || window.ciHigh === null
      ? ''
      : `${proportion(window.ciLow)} to ${proportion(window.ciHigh)}`,
  ];
}

/**
 * The report as CSV (RFC 4180: header line, CRLF line ends). Counts are already suppressed, so
 * a hidden cell reads "<11"; rates and intervals are proportions (0–1). No patient data: the
 * rows hold counts only.
 */
export function renderOutcomesCsv(
  report: AdminOutcomesResponse,
  tenantNames: ReadonlyMap<string, string>,
): string {
  const line = (cells: string[]): string => `${cells.map(csvCell).join(',')}\r\n`;
  return (
    line(OUTCOMES_CSV_HEADER) +
    report.comparisons
      .map((c) =>
        line([
          tenantNames.get(c.tenantId) ?? c.tenantId,
          c.learnerName ?? c.learner,
          c.measureId,
          c.caseTitle.en,
          c.creditedAt,
          ...windowCells(c.before),
          ...windowCells(c.after),
        ]),
      )
      .join('')
  );
}

function parseQuery(req: Request): OutcomesQuery {
  const parsed = outcomesQuerySchema.safeParse(req.query);
  if (!parsed.success) throw invalidRequest(parsed.error);
  return parsed.data;
}

/**
 * `GET /outcomes?tenant=&measure=` (JSON) and `GET /reports/outcomes.csv` (the same rows as a
 * file, each download written to the audit log like the PARS export). Behind `requireAdmin`.
 */
export function outcomesReportRoutes(deps: OutcomesReportDeps): Router {
  const routes = Router();
  routes.get('/outcomes', async (req, res) => {
    res.json(await outcomesReport(deps, parseQuery(req)));
  });
  routes.get('/reports/outcomes.csv', async (req, res) => {
    const query = parseQuery(req);
    const report = await outcomesReport(deps, query);
    const tenants = await deps.tenants.list();
    const tenant = tenants.find((t) => t.id === query.tenant);
    await deps.audit.record({
      actor: res.locals.adminActor as string,
      action: 'report.exported',
      tenantId: tenant?.id ?? ALL_TENANTS,
      iss: tenant?.iss ?? '',
      changes: {
        report: { to: 'outcomes' },
        ...(query.measure !== undefined && { measure: { to: query.measure } }),
        rows: { to: report.comparisons.length },
      },
    });
    res
      .set('Content-Type', 'text/csv; charset=utf-8; header=present')
      .set('Content-Disposition', 'attachment; filename="chartside-outcomes.csv"')
      .send(renderOutcomesCsv(report, new Map(tenants.map((t) => [t.id, t.name]))));
  });
  return routes;
}
