import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { SignJWT } from 'jose';
import { signAccessToken } from './access-token';
import type { AuthorizationState } from './authorization-state';
import type { SigningKey } from './signing-key';
import type { SandboxUrls } from './smart-configuration';

export interface TokenRouteDeps {
  state: AuthorizationState;
  signingKey: SigningKey;
  urls: SandboxUrls;
  accessTokenTtlSeconds: number;
  tenant: string;
}

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

/** Token endpoint, authorization_code grant with PKCE (SMART App Launch 2.2 §2.0.7). */
export function tokenRoute(deps: TokenRouteDeps): RequestHandler {
  return async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const field = (name: string): string | undefined =>
      typeof body[name] === 'string' ? body[name] : undefined;
    if (field('grant_type') !== 'authorization_code') {
      oauthError(res, 'unsupported_grant_type', 'Only authorization_code is supported');
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
