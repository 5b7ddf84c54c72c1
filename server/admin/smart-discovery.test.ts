import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { AppError } from '../http/app-error';
import { assertScopesSupported, inspectSmartConfiguration } from './smart-discovery';

const ISS = 'https://ehr.test/fhir';
const complete = {
  issuer: 'https://ehr.test/oidc',
  jwks_uri: 'https://ehr.test/oidc/jwks',
  authorization_endpoint: 'https://ehr.test/oauth2/authorize',
  token_endpoint: 'https://ehr.test/oauth2/token',
  code_challenge_methods_supported: ['S256'],
  scopes_supported: ['openid', 'fhirUser', 'launch', 'patient/*.rs'],
  capabilities: [
    'launch-ehr',
    'client-public',
    'context-ehr-encounter',
    'sso-openid-connect',
    'permission-v2',
  ],
};
const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

function serve(body: Record<string, unknown>, status = 200): void {
  server.use(
    http.get(`${ISS}/.well-known/smart-configuration`, () => HttpResponse.json(body, { status })),
  );
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as AppError,
  );
}

test('a complete discovery fills issuer, jwks_uri, endpoints and capabilities with no warning', async () => {
  serve(complete);
  const { discovery, warnings } = await inspectSmartConfiguration(`${ISS}/`, {
    production: true,
    now: () => new Date('2026-11-26T10:00:00Z'),
  });
  expect(discovery).toEqual({
    fetchedAt: '2026-11-26T10:00:00.000Z',
    issuer: 'https://ehr.test/oidc',
    jwksUri: 'https://ehr.test/oidc/jwks',
    authorizationEndpoint: 'https://ehr.test/oauth2/authorize',
    tokenEndpoint: 'https://ehr.test/oauth2/token',
    capabilities: complete.capabilities,
    scopesSupported: complete.scopes_supported,
    codeChallengeMethods: ['S256'],
  });
  expect(warnings).toEqual([]);
});

test('a discovery without S256, openid, fhirUser or launch-ehr warns about each', async () => {
  serve({
    ...complete,
    code_challenge_methods_supported: ['plain'],
    scopes_supported: ['launch', 'patient/*.read'],
    capabilities: ['client-public', 'context-ehr-encounter'],
  });
  const { warnings } = await inspectSmartConfiguration(ISS, { production: false });
  expect(warnings.map((w) => w.code)).toEqual([
    'NO_PKCE_S256',
    'NO_OPENID',
    'NO_FHIR_USER',
    'NO_LAUNCH_EHR',
  ]);
  expect(warnings[0]?.message).toContain('PKCE S256');
});

test('a discovery without issuer, jwks_uri or scopes_supported says sign-in and scopes are unchecked', async () => {
  const rest = Object.fromEntries(
    Object.entries(complete).filter(
      ([k]) => !['issuer', 'jwks_uri', 'scopes_supported'].includes(k),
    ),
  );
  serve(rest);
  const { warnings } = await inspectSmartConfiguration(ISS, { production: false });
  expect(warnings.map((w) => w.code)).toEqual(['NO_ISSUER_OR_JWKS', 'NO_SCOPES_SUPPORTED']);
});

test('an unreachable discovery is refused, naming the URL', async () => {
  serve({}, 404);
  const error = await refusal(inspectSmartConfiguration(ISS, { production: false }));
  expect(error.code).toBe('DISCOVERY_UNREACHABLE');
  expect(error.message).toContain(
    `${ISS}/.well-known/smart-configuration could not be read (HTTP 404)`,
  );
});

test('a discovery with a malformed jwks_uri is refused', async () => {
  serve({ ...complete, jwks_uri: 'not a url' });
  const error = await refusal(inspectSmartConfiguration(ISS, { production: false }));
  expect([error.code, error.message]).toEqual([
    'DISCOVERY_INVALID',
    "The SMART configuration's jwks_uri is not a usable URL: not a url",
  ]);
});

test('in production an http:// FHIR base is refused before anything is fetched', async () => {
  const error = await refusal(
    inspectSmartConfiguration('http://ehr.test/fhir', { production: true }),
  );
  expect([error.code, error.status, error.message]).toEqual([
    'ISSUER_NOT_HTTPS',
    400,
    'The FHIR base must use https in production: http://ehr.test/fhir',
  ]);
});

test('in production an http:// jwks_uri is refused as well', async () => {
  serve({ ...complete, jwks_uri: 'http://ehr.test/oidc/jwks' });
  const error = await refusal(inspectSmartConfiguration(ISS, { production: true }));
  expect(error.message).toBe(
    "The SMART configuration's jwks_uri is not a usable https URL: http://ehr.test/oidc/jwks",
  );
});

test('scopes the discovery does not offer are named in the refusal', async () => {
  serve(complete);
  const { discovery } = await inspectSmartConfiguration(ISS, { production: false });
  expect(() => {
    assertScopesSupported(
      'launch openid patient/Observation.rs offline_access user/*.rs',
      discovery,
    );
  }).toThrow('The EHR does not support these scopes: offline_access user/*.rs');
});
