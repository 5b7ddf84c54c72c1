import { z } from 'zod';
import type { DiscoveryWarning, SmartDiscovery } from '../../core/wire/admin';
import { AppError } from '../http/app-error';
import { unsupportedScopes, usesV2Scopes } from './smart-scopes';

export interface DiscoveryOptions {
  /** Production mode: the FHIR base and the keys must be served over https. */
  production: boolean;
  fetch?: typeof fetch;
  now?: () => Date;
}

const stringList = z.array(z.string()).optional().catch(undefined);
const smartConfigurationSchema = z.looseObject({
  issuer: z.string().optional(),
  jwks_uri: z.string().optional(),
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  capabilities: stringList,
  scopes_supported: stringList,
  code_challenge_methods_supported: stringList,
});

function isUrl(value: string, production: boolean): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (!production && url.protocol === 'http:');
  } catch {
    return false;
  }
}

/** Refuses an `http://` FHIR base in production: tokens and patient data would travel in clear. */
export function assertIssuerAllowed(iss: string, production: boolean): void {
  if (production && !iss.startsWith('https://'))
    throw new AppError(
      'ISSUER_NOT_HTTPS',
      400,
      `The FHIR base must use https in production: ${iss}`,
      ['iss'],
    );
}

/**
 * Reads `{iss}/.well-known/smart-configuration` (SMART App Launch 2.2 §2.0.4 "Conformance") and
 * keeps what launches and sign-in need: OpenID issuer, `jwks_uri`, endpoints, capabilities.
 * Unreachable or unusable discovery is an error; what is merely missing becomes a warning.
 */
export async function inspectSmartConfiguration(
  iss: string,
  options: DiscoveryOptions,
): Promise<{ discovery: SmartDiscovery; warnings: DiscoveryWarning[] }> {
  assertIssuerAllowed(iss, options.production);
  const url = `${iss.replace(/\/+$/, '')}/.well-known/smart-configuration`;
  let body: unknown;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'no answer';
    throw new AppError(
      'DISCOVERY_UNREACHABLE',
      422,
      `The SMART configuration at ${url} could not be read (${reason}). Check the FHIR base URL and that this server can reach it.`,
      ['iss'],
    );
  }
  const parsed = smartConfigurationSchema.safeParse(body);
  if (!parsed.success)
    throw new AppError(
      'DISCOVERY_INVALID',
      422,
      `The SMART configuration at ${url} has no authorization_endpoint and token_endpoint`,
      ['iss'],
    );
  const config = parsed.data;
  const urls = {
    jwks_uri: config.jwks_uri,
    authorization_endpoint: config.authorization_endpoint,
    token_endpoint: config.token_endpoint,
  };
  for (const [field, value] of Object.entries(urls)) {
    if (value !== undefined && !isUrl(value, options.production))
      throw new AppError(
        'DISCOVERY_INVALID',
        422,
        `The SMART configuration's ${field} is not a usable ${options.production ? 'https ' : ''}URL: ${value}`,
        ['iss'],
      );
  }
  const discovery: SmartDiscovery = {
    fetchedAt: (options.now?.() ?? new Date()).toISOString(),
    ...(config.issuer !== undefined && { issuer: config.issuer }),
    ...(config.jwks_uri !== undefined && { jwksUri: config.jwks_uri }),
    authorizationEndpoint: config.authorization_endpoint,
    tokenEndpoint: config.token_endpoint,
    capabilities: config.capabilities ?? [],
    ...(config.scopes_supported !== undefined && { scopesSupported: config.scopes_supported }),
    codeChallengeMethods: config.code_challenge_methods_supported ?? [],
  };
  return { discovery, warnings: discoveryWarnings(discovery) };
}

/** What the discovery lacks for Chartside's EHR launch with OpenID sign-in. */
export function discoveryWarnings(discovery: SmartDiscovery, scope?: string): DiscoveryWarning[] {
  const warnings: DiscoveryWarning[] = [];
  const warn = (code: DiscoveryWarning['code'], message: string): void => {
    warnings.push({ code, message });
  };
  const has = (capability: string): boolean => discovery.capabilities.includes(capability);
  if (!discovery.codeChallengeMethods.includes('S256'))
    warn(
      'NO_PKCE_S256',
      'The EHR does not list PKCE S256 (code_challenge_methods_supported); Chartside requires it, so launches will fail unless the EHR supports it anyway.',
    );
  if (discovery.issuer === undefined || discovery.jwksUri === undefined)
    warn(
      'NO_ISSUER_OR_JWKS',
      'The EHR publishes no OpenID issuer or jwks_uri; clinicians cannot sign in to Chartside.',
    );
  const scopes = discovery.scopesSupported;
  if (!has('sso-openid-connect') && !scopes?.includes('openid'))
    warn('NO_OPENID', 'The EHR offers no openid scope (sso-openid-connect); sign-in will fail.');
  if (scopes !== undefined && !scopes.includes('fhirUser'))
    warn('NO_FHIR_USER', 'The EHR does not list the fhirUser scope; credits need the clinician.');
  if (!has('launch-ehr'))
    warn(
      'NO_LAUNCH_EHR',
      'The EHR does not list launch-ehr: Chartside cannot open from the chart.',
    );
  if (!has('context-ehr-encounter'))
    warn(
      'NO_ENCOUNTER_CONTEXT',
      'The EHR does not list context-ehr-encounter: without the encounter, no credit is awarded.',
    );
  if (!has('client-public'))
    warn('NO_CLIENT_PUBLIC', 'The EHR does not list client-public; Chartside is a public client.');
  if (scopes === undefined)
    warn(
      'NO_SCOPES_SUPPORTED',
      'The EHR does not publish scopes_supported, so the scope string could not be checked.',
    );
  if (scope !== undefined && usesV2Scopes(scope) && !has('permission-v2'))
    warn(
      'SCOPE_VERSION',
      'The scope string uses SMART v2 permissions but the EHR does not list permission-v2; register v1 scopes (patient/Observation.read) if launches are refused.',
    );
  return warnings;
}

/** Refuses a scope string the EHR's discovery does not offer (nothing is saved). */
export function assertScopesSupported(scope: string, discovery: SmartDiscovery): void {
  if (discovery.scopesSupported === undefined) return;
  const missing = unsupportedScopes(scope, discovery.scopesSupported);
  if (missing.length > 0)
    throw new AppError(
      'SCOPE_NOT_SUPPORTED',
      422,
      `The EHR does not support these scopes: ${missing.join(' ')}`,
      ['scope'],
    );
}
