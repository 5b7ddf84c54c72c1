import { createHash, randomBytes } from 'node:crypto';
import type { TestLaunch } from '../../core/wire/admin';
import { AppError } from '../http/app-error';
import type { Tenant } from '../tenants/tenant-store';
import { assertScopesSupported, inspectSmartConfiguration } from './smart-discovery';

type Check = TestLaunch['checks'][number];

/**
 * A test launch against a tenant, as far as the server can go by itself: the registration is
 * active, discovery answers, the EHR's keys load, the scopes are offered, and the authorization
 * endpoint accepts our client id and redirect URI (SMART App Launch 2.2 §2.0.5: an unknown
 * client or redirect URI is shown an error page, never redirected). The browser finishes the
 * launch from `launchUrl`.
 */
export async function testLaunch(
  tenant: Tenant,
  options: { publicUrl: string; production: boolean; fetch?: typeof fetch },
): Promise<TestLaunch> {
  const doFetch = options.fetch ?? fetch;
  const checks: Check[] = [];
  const check = (id: Check['id'], label: string, ok: boolean, detail: string): void => {
    checks.push({ id, label, ok, detail });
  };
  check(
    'status',
    'Registration active',
    tenant.status === 'active',
    tenant.status === 'active' ? 'Launches are allowed.' : 'The tenant is disabled.',
  );
  const launchUrl = `${options.publicUrl}/launch?iss=${encodeURIComponent(tenant.iss)}`;
  let discovery;
  try {
    ({ discovery } = await inspectSmartConfiguration(tenant.iss, options));
    check('discovery', 'SMART configuration', true, 'The smart-configuration was read.');
  } catch (error) {
    const detail = error instanceof AppError ? error.message : 'unreadable';
    check('discovery', 'SMART configuration', false, detail);
    return { ok: false, checks, launchUrl };
  }
  let keyCount = 0;
  try {
    if (discovery.jwksUri === undefined) throw new Error('no jwks_uri');
    const response = await doFetch(discovery.jwksUri, { signal: AbortSignal.timeout(5000) });
    const body = (await response.json()) as { keys?: unknown[] };
    keyCount = Array.isArray(body.keys) ? body.keys.length : 0;
  } catch {
    keyCount = 0;
  }
  check(
    'jwks',
    'EHR signing keys',
    keyCount > 0,
    keyCount > 0 ? `${keyCount} key(s) at the jwks_uri.` : 'No keys could be read from jwks_uri.',
  );
  try {
    assertScopesSupported(tenant.scope, discovery);
    check('scopes', 'Scopes offered', true, 'Every requested scope is offered.');
  } catch (error) {
    check('scopes', 'Scopes offered', false, error instanceof Error ? error.message : '');
  }
  check(
    'authorize',
    'Client id and redirect URL',
    ...(await probeAuthorize(tenant, discovery.authorizationEndpoint, options.publicUrl, doFetch)),
  );
  return { ok: checks.every((c) => c.ok), checks, launchUrl };
}

async function probeAuthorize(
  tenant: Tenant,
  authorizationEndpoint: string,
  publicUrl: string,
  doFetch: typeof fetch,
): Promise<[boolean, string]> {
  const redirectUri = `${publicUrl}/app/`;
  const verifier = randomBytes(32).toString('base64url');
  const url = new URL(authorizationEndpoint);
  const params = {
    response_type: 'code',
    client_id: tenant.clientId,
    redirect_uri: redirectUri,
    // Standalone, as the launch page does it without a launch id: `launch/patient` for `launch`.
    scope: tenant.scope.replace(/(^|\s)launch(?=\s|$)/, '$1launch/patient'),
    aud: tenant.iss,
    state: randomBytes(16).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  let response: Response;
  try {
    response = await doFetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
  } catch {
    return [false, 'The authorization endpoint did not answer.'];
  }
  await response.body?.cancel();
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location !== null) {
    const target = new URL(location, url);
    if (`${target.origin}${target.pathname}` !== redirectUri)
      return [true, 'The EHR asks the user to sign in: open the launch URL to finish.'];
    const error = target.searchParams.get('error');
    return error === null
      ? [true, 'The EHR accepted the client id and redirect URL.']
      : [false, `The EHR accepted the client id but answered ${error}.`];
  }
  if (response.ok)
    return [true, 'The EHR shows its sign-in or chooser page: open the launch URL to finish.'];
  return [
    false,
    `The EHR refused the request (HTTP ${response.status}): check the client id and that the redirect URL is registered.`,
  ];
}
