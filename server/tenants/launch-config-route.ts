import type { RequestHandler } from 'express';
import type { LaunchConfig } from '../../core/wire/launch-config';
import { AppError } from '../http/app-error';
import type { TenantStore } from './tenant-store';

/**
 * `GET /api/launch-config?iss=` (DESIGN.md §3): the launch page learns the client id and scope
 * registered for this EHR before it sends the browser anywhere (SMART 2.2: validate `iss` first).
 */
export function launchConfigRoute(deps: {
  tenants: TenantStore;
  publicUrl: string;
}): RequestHandler {
  return async (req, res) => {
    const iss = req.query.iss;
    if (typeof iss !== 'string' || iss === '') {
      throw new AppError('REQUEST_INVALID', 400, 'The iss query parameter is required', ['iss']);
    }
    const tenant = await deps.tenants.findByIss(iss);
    if (!tenant) {
      throw new AppError(
        'TENANT_NOT_REGISTERED',
        404,
        'This EHR is not registered with Chartside',
        ['iss'],
      );
    }
    if (tenant.status !== 'active') {
      throw new AppError('TENANT_DISABLED', 404, 'Chartside is disabled for this EHR', ['iss']);
    }
    const body: LaunchConfig = {
      iss: tenant.iss,
      clientId: tenant.clientId,
      scope: tenant.scope,
      redirectUri: `${deps.publicUrl}/app/`,
    };
    res.set('Cache-Control', 'no-store').json(body);
  };
}
