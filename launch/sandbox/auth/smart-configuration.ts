export interface SandboxUrls {
  /** Public base of the sandbox, e.g. http://localhost:4000 */
  publicUrl: string;
  /** FHIR base = the `iss` of launches. */
  fhirBaseUrl: string;
  /** OpenID issuer of id_tokens; deliberately not the FHIR base, as at Epic and Oracle. */
  oidcIssuer: string;
}

export function sandboxUrls(publicUrl: string): SandboxUrls {
  const base = publicUrl.replace(/\/+$/, '');
  return { publicUrl: base, fhirBaseUrl: `${base}/fhir`, oidcIssuer: `${base}/auth` };
}

/** `{iss}/.well-known/smart-configuration` (SMART App Launch 2.2 §2.0.4, "Conformance"). */
export function smartConfiguration(urls: SandboxUrls): Record<string, unknown> {
  return {
    issuer: urls.oidcIssuer,
    jwks_uri: `${urls.oidcIssuer}/jwks`,
    authorization_endpoint: `${urls.oidcIssuer}/authorize`,
    token_endpoint: `${urls.oidcIssuer}/token`,
    grant_types_supported: ['authorization_code', 'client_credentials'],
    token_endpoint_auth_methods_supported: ['none', 'private_key_jwt'],
    // SMART App Launch 2.2 §Client Authentication: Asymmetric.
    token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: [
      'openid',
      'fhirUser',
      'launch',
      'launch/patient',
      'patient/*.rs',
      'user/*.rs',
      'patient/*.read',
      'user/*.read',
      'system/*.rs',
      'system/*.read',
    ],
    capabilities: [
      'launch-ehr',
      'launch-standalone',
      'client-public',
      'client-confidential-asymmetric',
      'context-ehr-patient',
      'context-ehr-encounter',
      'context-standalone-patient',
      'sso-openid-connect',
      'permission-v2',
      'permission-v1',
    ],
  };
}

/** `{issuer}/.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §3). */
export function openIdConfiguration(urls: SandboxUrls): Record<string, unknown> {
  return {
    issuer: urls.oidcIssuer,
    jwks_uri: `${urls.oidcIssuer}/jwks`,
    authorization_endpoint: `${urls.oidcIssuer}/authorize`,
    token_endpoint: `${urls.oidcIssuer}/token`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'fhirUser'],
    claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'fhirUser'],
  };
}
