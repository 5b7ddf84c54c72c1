import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { SignJWT } from 'jose';
import { signAccessToken } from './access-token';
import type { AuthorizationState } from './authorization-state';
import { grantBackendScopes, type BackendClient } from './backend-clients';
import {
  ClientAssertionError,
  JWT_BEARER_ASSERTION_TYPE,
  type ClientAssertionVerifier,
} from './client-assertion';
import type { SigningKey } from './signing-key';
import type { SandboxUrls } from './smart-configuration';

export interface TokenRouteDeps {
  state: AuthorizationState;
  signingKey: SigningKey;
  urls: SandboxUrls;
  accessTokenTtlSeconds: number;
  tenant: string;
  /** Verifies Backend Services client assertions (client_credentials grant). */
  clientAssertions: ClientAssertionVerifier;
}

/** SMART App Launch 2.2 §Backend Services: access tokens live at most five minutes. */
export const BACKEND_TOKEN_MAX_TTL_SECONDS = 300;

type Field = (name: string) => string | undefined;

/** RFC 6749 §5.2 error response. */
function oauthError(res: Response, error: string, description: string, status = 400): void {
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .json({ error, error_description: description });
}

/** RFC 7636 §4.6: BASE64URL(SHA256(code_verifier)) must equal the stored code_challenge. */
function pkceMatches(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

/**
 * Token endpoint: authorization_code with PKCE (SMART App Launch 2.2 §2.0.7) and
 * client_credentials with a private_key_jwt assertion (§Backend Services).
 */
export function tokenRoute(deps: TokenRouteDeps): RequestHandler {
  return async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const field: Field = (name) => (typeof body[name] === 'string' ? body[name] : undefined);
    if (field('grant_type') === 'client_credentials') {
      await clientCredentials(deps, field, res);
      return;
    }
    if (field('grant_type') !== 'authorization_code') {
      oauthError(
        res,
        'unsupported_grant_type',
        'Only authorization_code and client_credentials are supported',
      );
      return;
    }
    const code = field('code');
    const verifier = field('code_verifier');
    if (code === undefined || verifier === undefined) {
      oauthError(res, 'invalid_request', 'code and code_verifier are required');
      return;
    }
    const grant = deps.state.redeemCode(code);
    if (!grant) {
      oauthError(
        res,
        'invalid_grant',
        'The authorization code is invalid, expired or already used',
      );
      return;
    }
    if (field('client_id') !== grant.clientId || field('redirect_uri') !== grant.redirectUri) {
      oauthError(
        res,
        'invalid_grant',
        'client_id or redirect_uri does not match the authorization',
      );
      return;
    }
    if (!pkceMatches(verifier, grant.codeChallenge)) {
      oauthError(res, 'invalid_grant', 'PKCE verification failed');
      return;
    }
    const { context, practitioner, scope } = grant;
    const scopes = scope.split(' ');
    const ttl = deps.accessTokenTtlSeconds;
    const accessToken = await signAccessToken(
      deps.signingKey,
      deps.urls.fhirBaseUrl,
      {
        sub: `Practitioner/${practitioner}`,
        client_id: grant.clientId,
        scope,
        ...(context.patient !== undefined && { patient: context.patient }),
        ...(context.encounter !== undefined && { encounter: context.encounter }),
      },
      ttl,
    );
    const fhirUser = `${deps.urls.fhirBaseUrl}/Practitioner/${practitioner}`;
    const idToken = scopes.includes('openid')
      ? await new SignJWT(scopes.includes('fhirUser') ? { fhirUser } : {})
          .setProtectedHeader({ alg: 'RS256', kid: deps.signingKey.kid, typ: 'JWT' })
          .setIssuer(deps.urls.oidcIssuer)
          .setSubject(practitioner)
          .setAudience(grant.clientId)
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(deps.signingKey.privateKey)
      : undefined;
    res.set('Cache-Control', 'no-store').json({
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ttl,
      scope,
      ...(idToken !== undefined && { id_token: idToken }),
      ...(context.patient !== undefined && { patient: context.patient }),
      ...(context.encounter !== undefined && { encounter: context.encounter }),
      ...(context.appContext !== undefined && { appContext: context.appContext }),
      need_patient_banner: true,
      tenant: deps.tenant,
    });
  };
}

/**
 * client_credentials for a backend client (SMART App Launch 2.2 §Backend Services): the assertion
 * authenticates the client (any failure is `invalid_client`, 401), then the requested `system/`
 * scopes are narrowed to the client's registration. Neither assertion nor token is logged.
 */
async function clientCredentials(deps: TokenRouteDeps, field: Field, res: Response): Promise<void> {
  const assertion = field('client_assertion');
  if (field('client_assertion_type') !== JWT_BEARER_ASSERTION_TYPE || assertion === undefined) {
    oauthError(
      res,
      'invalid_request',
      `client_assertion_type must be ${JWT_BEARER_ASSERTION_TYPE}, with a client_assertion`,
    );
    return;
  }
  const requested = (field('scope') ?? '').split(/\s+/).filter((scope) => scope !== '');
  if (requested.length === 0) {
    oauthError(res, 'invalid_request', 'scope is required');
    return;
  }
  let client: BackendClient;
  try {
    client = await deps.clientAssertions.verify(assertion);
  } catch (error) {
    if (!(error instanceof ClientAssertionError)) throw error;
    oauthError(res, 'invalid_client', `Client authentication failed: ${error.reason}`, 401);
    return;
  }
  const clientId = field('client_id');
  if (clientId !== undefined && clientId !== client.clientId) {
    oauthError(res, 'invalid_client', 'client_id does not match the assertion', 401);
    return;
  }
  const other = requested.find((scope) => !scope.startsWith('system/'));
  if (other !== undefined) {
    oauthError(res, 'invalid_scope', `Backend Services grants system/ scopes only, not ${other}`);
    return;
  }
  const granted = grantBackendScopes(requested, client.scope);
  if (granted.length === 0) {
    oauthError(res, 'invalid_scope', 'None of the requested scopes is allowed for this client');
    return;
  }
  const scope = granted.join(' ');
  const ttl = Math.min(deps.accessTokenTtlSeconds, BACKEND_TOKEN_MAX_TTL_SECONDS);
  const accessToken = await signAccessToken(
    deps.signingKey,
    deps.urls.fhirBaseUrl,
    { sub: client.clientId, client_id: client.clientId, scope, grant_type: 'client_credentials' },
    ttl,
  );
  res
    .set('Cache-Control', 'no-store')
    .json({ access_token: accessToken, token_type: 'bearer', expires_in: ttl, scope });
}
