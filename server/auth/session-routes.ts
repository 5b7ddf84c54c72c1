import type { RequestHandler } from 'express';
import { sessionRequestSchema, type SessionResponse } from '../../core/wire/session';
import { AppError, invalidRequest } from '../http/app-error';
import type { Tenant, TenantStore } from '../tenants/tenant-store';
import type { AppKeys } from './app-keys';
import { signSessionToken, verifySessionToken } from './session-token';
import type { TenantDiscovery } from './tenant-discovery';
import { verifyIdToken } from './verify-id-token';

export interface SessionDeps {
  tenants: TenantStore;
  discovery: TenantDiscovery;
  keys: AppKeys;
  publicUrl: string;
}

/** The learner a session token proves, available to handlers after `requireSession`. */
export interface Learner {
  fhirUser: string;
  tenant: Tenant;
}

/** `POST /api/session`: verifies the EHR id_token and issues an app session token. */
export function createSessionRoute(deps: SessionDeps): RequestHandler {
  return async (req, res) => {
    const parsed = sessionRequestSchema.safeParse(req.body);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const tenant = await deps.tenants.findByIss(parsed.data.iss);
    if (!tenant)
      throw new AppError(
        'TENANT_NOT_REGISTERED',
        401,
        'This EHR is not registered with Chartside',
        ['iss'],
      );
    if (tenant.status !== 'active')
      throw new AppError('TENANT_DISABLED', 401, 'Chartside is disabled for this EHR', ['iss']);
    const learner = await verifyIdToken(parsed.data.idToken, tenant, deps.discovery);
    const { token, expiresAt } = await signSessionToken(deps.keys, deps.publicUrl, {
      sub: learner.fhirUser,
      tenant: tenant.id,
    });
    const body: SessionResponse = {
      sessionToken: token,
      expiresAt: expiresAt.toISOString(),
      fhirUser: learner.fhirUser,
    };
    res.set('Cache-Control', 'no-store').json(body);
  };
}

/**
 * Every learner API call: a valid session token whose tenant is still registered and active
 * (a disabled tenant is refused at once, on every server process, since this reads the store).
 */
export function requireSession(deps: SessionDeps): RequestHandler {
  return async (req, res, next) => {
    const token = /^Bearer (\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (token === undefined)
      throw new AppError(
        'SESSION_REQUIRED',
        401,
        'Sign in through your EHR first: open Chartside from the chart.',
      );
    const claims = await verifySessionToken(deps.keys, deps.publicUrl, token);
    const tenant = await deps.tenants.findById(claims.tenant);
    if (tenant?.status !== 'active') {
      throw new AppError('TENANT_DISABLED', 401, 'Chartside is disabled for this EHR');
    }
    res.locals.learner = { fhirUser: claims.sub, tenant } satisfies Learner;
    next();
  };
}
