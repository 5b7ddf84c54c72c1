import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { CdsFeedbackRates } from '../../core/cds-hooks/feedback';
import { AppError } from '../http/app-error';
import type { Database } from '../store/database';
import type { TenantStore } from '../tenants/tenant-store';
import { CdsFeedbackStore } from './feedback-store';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * `GET /api/admin/cds-feedback?iss={FHIR base}&days=90`: acceptance and dismissal rates per case
 * for one EHR, for administrators (`Authorization: Bearer $ADMIN_TOKEN`; without the setting the
 * admin API is off, DESIGN.md §3).
 */
export function cdsFeedbackRatesRoute(deps: {
  adminToken: string | undefined;
  tenants: TenantStore;
  db: Database;
  now?: () => Date;
}): RequestHandler {
  const feedback = new CdsFeedbackStore(deps.db);
  return async (req, res) => {
    const { adminToken } = deps;
    if (adminToken === undefined) throw new AppError('NOT_FOUND', 404, 'No such API endpoint');
    const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(token), digest(adminToken)))
      throw new AppError('SESSION_INVALID', 401, 'An administrator token is required');
    const iss = typeof req.query.iss === 'string' ? req.query.iss : '';
    const tenant = await deps.tenants.findByIss(iss);
    if (!tenant)
      throw new AppError('TENANT_NOT_REGISTERED', 404, 'No EHR is registered with this iss', [
        'iss',
      ]);
    const days = Number(req.query.days ?? 90);
    if (!Number.isInteger(days) || days < 1 || days > 3650)
      throw new AppError('REQUEST_INVALID', 400, 'days is a whole number from 1 to 3650', ['days']);
    const since = new Date((deps.now?.() ?? new Date()).getTime() - days * 86_400_000);
    const body: CdsFeedbackRates = {
      tenant: tenant.iss,
      since: since.toISOString(),
      cases: await feedback.ratesByCase(tenant.id, since),
    };
    res.set('Cache-Control', 'no-store').json(body);
  };
}
