import type { RequestHandler } from 'express';
import type { CdsFeedbackRates } from '../../core/cds-hooks/feedback';
import { AppError } from '../http/app-error';
import type { Database } from '../store/database';
import type { TenantStore } from '../tenants/tenant-store';
import { CdsFeedbackStore } from './feedback-store';

/**
 * `GET /api/admin/cds-feedback?iss={FHIR base}&days=90`: acceptance and dismissal rates per case
 * for one EHR, for administrators (mounted in the admin router behind `requireAdmin`).
 */
export function cdsFeedbackRatesRoute(deps: {
  tenants: TenantStore;
  db: Database;
  now?: () => Date;
}): RequestHandler {
  const feedback = new CdsFeedbackStore(deps.db);
  return async (req, res) => {
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
