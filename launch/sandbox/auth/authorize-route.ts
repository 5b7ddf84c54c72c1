import type { Request, RequestHandler, Response } from 'express';
import type { AuthorizationCode, AuthorizationState, LaunchContext } from './authorization-state';
import { renderChooserPage, renderErrorPage, type ChooserOption } from './chooser-page';
import { grantableScopes } from './scopes';
import type { SandboxUrls } from './smart-configuration';

export interface RegisteredClient {
  clientId: string;
  redirectUris: string[];
}

export interface AuthorizeRouteDeps {
  state: AuthorizationState;
  urls: SandboxUrls;
  clients: RegisteredClient[];
  practitioners(): ChooserOption[];
  patients(): ChooserOption[];
  /** SANDBOX_NAME, on the sign-in and error pages. */
  ehrName?: string;
}

const OAUTH_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'aud',
  'launch',
  'code_challenge',
  'code_challenge_method',
] as const;

type OAuthParams = Partial<Record<(typeof OAUTH_PARAMS)[number], string>>;

type Params = OAuthParams & { practitioner?: string; patient?: string };

function readParams(req: Request): Params {
  const merged = {
    ...(req.query as Record<string, unknown>),
    ...((req.body ?? {}) as Record<string, unknown>),
  };
  const params: Record<string, string> = {};
  for (const key of [...OAUTH_PARAMS, 'practitioner', 'patient']) {
    const value = merged[key];
    if (typeof value === 'string' && value !== '') params[key] = value;
  }
  return params;
}

/**
 * Authorization endpoint (RFC 6749 §4.1.1, SMART App Launch 2.2 §2.0.5): EHR launch by launch
 * id, standalone launch with a patient picker, the user chosen on a sign-in page when the launch
 * does not name one. Errors before the redirect URI is trusted are shown, never redirected.
 */
export function authorizeRoute(deps: AuthorizeRouteDeps): RequestHandler {
  return (req, res) => {
    const params = readParams(req);
    const client = deps.clients.find((c) => c.clientId === params.client_id);
    if (!client) {
      renderErrorPage(
        res,
        400,
        'Unknown client',
        'This app is not registered with the sandbox EHR.',
        deps.ehrName,
      );
      return;
    }
    const redirectUri = params.redirect_uri;
    if (redirectUri === undefined || !client.redirectUris.includes(redirectUri)) {
      renderErrorPage(
        res,
        400,
        'Redirect URI not registered',
        'The app asked to return to an address that is not registered for it.',
        deps.ehrName,
      );
      return;
    }
    const outcome = decide(deps, params);
    switch (outcome.kind) {
      case 'error':
        redirectWith(res, redirectUri, {
          error: outcome.error,
          error_description: outcome.description,
          state: params.state,
        });
        return;
      case 'choose':
        choose(res, deps, params, outcome.pickPatient);
        return;
      case 'grant': {
        const code = deps.state.issueCode({
          ...outcome.grant,
          clientId: client.clientId,
          redirectUri,
        });
        redirectWith(res, redirectUri, { code, state: params.state });
        return;
      }
    }
  };
}

type Decision =
  | { kind: 'error'; error: string; description: string }
  | { kind: 'choose'; pickPatient: boolean }
  | { kind: 'grant'; grant: Omit<AuthorizationCode, 'clientId' | 'redirectUri' | 'expiresAt'> };

const refuse = (error: string, description: string): Decision => ({
  kind: 'error',
  error,
  description,
});

/** Checks a request whose client and redirect URI are trusted (RFC 6749 §4.1.2.1 errors). */
function decide(deps: AuthorizeRouteDeps, params: Params): Decision {
  if (params.response_type !== 'code') {
    return refuse('unsupported_response_type', 'response_type must be code');
  }
  if (params.state === undefined) return refuse('invalid_request', 'state is required');
  if (params.aud !== deps.urls.fhirBaseUrl) {
    return refuse('invalid_request', 'aud must be this FHIR server');
  }
  if (params.code_challenge_method !== 'S256' || params.code_challenge === undefined) {
    return refuse('invalid_request', 'PKCE with S256 is required');
  }
  const scopes = grantableScopes(params.scope ?? '');
  let context: Partial<LaunchContext> = {};
  if (params.launch !== undefined) {
    const launch = deps.state.findLaunch(params.launch);
    if (!launch) return refuse('invalid_request', 'Unknown or expired launch');
    if (!scopes.includes('launch')) {
      return refuse('invalid_scope', 'An EHR launch needs the launch scope');
    }
    context = launch;
  } else if (scopes.includes('launch/patient')) {
    if (params.patient === undefined) return { kind: 'choose', pickPatient: true };
    context = { patient: params.patient };
  }
  const practitioner = context.practitioner ?? params.practitioner;
  if (practitioner === undefined) return { kind: 'choose', pickPatient: false };
  return {
    kind: 'grant',
    grant: { codeChallenge: params.code_challenge, scope: scopes.join(' '), practitioner, context },
  };
}

function choose(
  res: Response,
  deps: AuthorizeRouteDeps,
  params: OAuthParams,
  pickPatient: boolean,
): void {
  const hidden: Record<string, string> = {};
  for (const key of OAUTH_PARAMS) {
    const value = params[key];
    if (value !== undefined) hidden[key] = value;
  }
  renderChooserPage(res, {
    action: `${deps.urls.oidcIssuer}/authorize`,
    hidden,
    practitioners: deps.practitioners(),
    patients: pickPatient ? deps.patients() : undefined,
    ...(deps.ehrName !== undefined && { ehrName: deps.ehrName }),
  });
}

function redirectWith(
  res: Response,
  redirectUri: string,
  query: Record<string, string | undefined>,
): void {
  const target = new URL(redirectUri);
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) target.searchParams.set(key, value);
  res.redirect(302, target.toString());
}
