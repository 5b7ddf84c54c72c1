import { createHash } from 'node:crypto';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function makePkce(): Pkce {
  const verifier = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizeRequest {
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  aud: string;
  scope: string;
  launch?: string;
  pkce: Pkce;
  state?: string;
}

/** Calls the authorization endpoint as a browser would and returns where it redirects to. */
export async function authorize(request: AuthorizeRequest): Promise<URL> {
  const url = new URL(request.authorizeUrl);
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scope,
    aud: request.aud,
    state: request.state ?? crypto.randomUUID(),
    launch: request.launch,
    code_challenge: request.pkce.challenge,
    code_challenge_method: 'S256',
  };
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(key, value);
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || location === null) {
    throw new Error(`authorize answered ${response.status} without a redirect`);
  }
  return new URL(location);
}

export async function exchangeCode(
  tokenUrl: string,
  fields: { code: string; verifier: string; clientId: string; redirectUri: string },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: fields.code,
      code_verifier: fields.verifier,
      client_id: fields.clientId,
      redirect_uri: fields.redirectUri,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export interface LaunchedTokens {
  body: Record<string, unknown>;
  accessToken: string;
}

/**
 * Goes through a whole EHR launch against the sandbox (launch API, authorize, token) as the
 * registered app, and returns the token response.
 */
export async function launchTokens(
  sandbox: { urls: { fhirBaseUrl: string; oidcIssuer: string } },
  appUrl: string,
  launch: { patient: string; encounter?: string; practitioner: string },
  scope = 'launch openid fhirUser patient/*.rs',
): Promise<LaunchedTokens> {
  const response = await fetch(`${sandbox.urls.fhirBaseUrl}/_services/smart/Launch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ launchUrl: `${appUrl}/launch`, parameters: launch }),
  });
  const { launch_id } = (await response.json()) as { launch_id: string };
  const pkce = makePkce();
  const clientId = 'chartside-sandbox';
  const redirectUri = `${appUrl}/app/`;
  const redirect = await authorize({
    authorizeUrl: `${sandbox.urls.oidcIssuer}/authorize`,
    clientId,
    redirectUri,
    aud: sandbox.urls.fhirBaseUrl,
    scope,
    launch: launch_id,
    pkce,
  });
  const code = redirect.searchParams.get('code');
  if (code === null) throw new Error(`authorize refused: ${redirect.toString()}`);
  const { status, body } = await exchangeCode(`${sandbox.urls.oidcIssuer}/token`, {
    code,
    verifier: pkce.verifier,
    clientId,
    redirectUri,
  });
  if (status !== 200) throw new Error(`token request failed: ${JSON.stringify(body)}`);
  return { body, accessToken: String(body.access_token) };
}
