import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  CREDIT_PERIODS,
  type AdminTenant,
  type AdminTenantList,
  type AuditLog,
  type SmartInspection,
  type TenantSaved,
} from '../../core/wire/admin';
import { cdsFeedbackRatesRoute } from '../cds-hooks/feedback-rates-route';
import { AppError, invalidRequest } from '../http/app-error';
import type { OutcomeViewDeps } from '../outcomes/outcome-routes';
import type { Database } from '../store/database';
import type { TenantStore } from '../tenants/tenant-store';
import { AuditStore } from './audit-store';
import { creditsPerPeriod } from './credits-per-period';
import { outcomesReportRoutes } from './outcomes-report';
import { DEFAULT_PARS_COLUMNS, type ParsColumns } from './pars-columns';
import { parsRoute } from './pars-route';
import { registrationSheet } from './registration-sheet';
import { discoveryWarnings } from './smart-discovery';
import { requireAdmin } from './require-admin';
import { TenantAdmin, type SavedTenant } from './tenant-admin';
import { testLaunch } from './test-launch';

export interface AdminRouteDeps {
  /** ADMIN_TOKEN; unset turns the whole admin API off (404). */
  adminToken: string | undefined;
  db: Database;
  tenants: TenantStore;
  publicUrl: string;
  /** Production mode: `http://` FHIR bases are refused. */
  production: boolean;
  /** PARS_COLUMNS: the PARS export's columns (DEFAULT_PARS_COLUMNS when unset). */
  parsColumns?: ParsColumns;
  /** The outcomes job's results, the measures and the case library, for the outcomes report. */
  outcomes: OutcomeViewDeps;
  fetch?: typeof fetch;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)');
const creditsQuerySchema = z.object({
  period: z.enum(CREDIT_PERIODS).default('month'),
  from: day.optional(),
  to: day.optional(),
  tenantId: z.string().min(1).optional(),
});
const auditQuerySchema = z.object({
  tenantId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

function parseQuery<T extends z.ZodType>(schema: T, req: Request): z.output<T> {
  const parsed = schema.safeParse(req.query);
  if (!parsed.success) throw invalidRequest(parsed.error);
  return parsed.data;
}

const actorOf = (res: Response): string => res.locals.adminActor as string;

/** The wire shape of a saved tenant (the store's Tenant is an AdminTenant). */
function saved({ tenant, warnings }: SavedTenant): TenantSaved {
  return { tenant, warnings };
}

/**
 * `/api/admin` (DESIGN.md §3; routes listed in core/wire/admin.ts): EHR registrations, their
 * registration sheets and test launches, the audit log, credits per period, CDS feedback rates,
 * the PARS export, the outcomes report.
 */
export function adminRoutes(deps: AdminRouteDeps): Router {
  const admin = new TenantAdmin(deps);
  const audit = new AuditStore(deps.db);
  const routes = Router();
  routes.use(requireAdmin(deps.adminToken));
  routes.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  routes.use(express.json({ limit: '256kb' }));

  routes.get('/tenants', async (_req, res) => {
    const tenants = await deps.tenants.list();
    const body: AdminTenantList = {
      tenants: tenants.map((tenant) => ({
        ...tenant,
        warnings: tenant.discovery ? discoveryWarnings(tenant.discovery, tenant.scope) : [],
      })),
    };
    res.json(body);
  });
  routes.post('/tenants', async (req, res) => {
    res.status(201).json(saved(await admin.create(req.body, actorOf(res))));
  });
  routes.get('/tenants/:id', async (req, res) => {
    const body: AdminTenant = await admin.find(req.params.id);
    res.json(body);
  });
  routes.patch('/tenants/:id', async (req, res) => {
    res.json(saved(await admin.update(req.params.id, req.body, actorOf(res))));
  });
  routes.post('/tenants/:id/disable', async (req, res) => {
    res.json(saved(await admin.setStatus(req.params.id, 'disabled', actorOf(res))));
  });
  routes.post('/tenants/:id/enable', async (req, res) => {
    res.json(saved(await admin.setStatus(req.params.id, 'active', actorOf(res))));
  });
  routes.get('/tenants/:id/registration-sheet', async (req, res) => {
    res.json(registrationSheet(await admin.find(req.params.id), deps.publicUrl));
  });
  routes.post('/tenants/:id/test-launch', async (req, res) => {
    res.json(await testLaunch(await admin.find(req.params.id), deps));
  });
  routes.get('/smart-configuration', async (req, res) => {
    const { iss } = parseQuery(z.object({ iss: z.url() }), req);
    const body: SmartInspection = { iss, ...(await admin.inspect(iss)) };
    res.json(body);
  });
  routes.get('/audit', async (req, res) => {
    const query = parseQuery(auditQuerySchema, req);
    const body: AuditLog = { entries: await audit.list(query) };
    res.json(body);
  });
  routes.get('/credits', async (req, res) => {
    const query = parseQuery(creditsQuerySchema, req);
    if (query.from !== undefined && query.to !== undefined && query.from > query.to)
      throw new AppError('REQUEST_INVALID', 400, 'from must not be after to', ['from']);
    res.json(await creditsPerPeriod(deps.db, query));
  });
  routes.get('/cds-feedback', cdsFeedbackRatesRoute({ tenants: deps.tenants, db: deps.db }));
  routes.get(
    '/reports/pars',
    parsRoute({ db: deps.db, audit, columns: deps.parsColumns ?? DEFAULT_PARS_COLUMNS }),
  );
  routes.use(outcomesReportRoutes({ ...deps.outcomes, db: deps.db, tenants: deps.tenants, audit }));
  return routes;
}
