import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../http/app-error';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Compares a presented token with ADMIN_TOKEN in constant time: both are hashed to 32 bytes
 * first, so neither the content nor the length of the secret leaks through timing.
 */
export function adminTokenMatches(presented: string, adminToken: string): boolean {
  return timingSafeEqual(digest(presented), digest(adminToken));
}

/** Who made an admin API change, for the audit log: `api:<X-Admin-Actor>` or `api:admin-token`. */
export function adminActor(header: string | undefined): string {
  const name = header?.trim();
  return name && /^[\p{L}\p{N} .@_'-]{1,100}$/u.test(name) ? `api:${name}` : 'api:admin-token';
}

/**
 * The admin API's gate (DESIGN.md §3): off (404) when ADMIN_TOKEN is unset, 401 unless the
 * request carries `Authorization: Bearer $ADMIN_TOKEN`. Sets `res.locals.adminActor`.
 */
export function requireAdmin(adminToken: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (adminToken === undefined) throw new AppError('NOT_FOUND', 404, 'No such API endpoint');
    const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
    if (!adminTokenMatches(token, adminToken))
      throw new AppError('SESSION_INVALID', 401, 'An administrator token is required');
    res.locals.adminActor = adminActor(req.get('x-admin-actor'));
    next();
  };
}
