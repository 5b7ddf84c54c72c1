import {
  createLocalJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
} from 'jose';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { DEFAULT_BACKEND_SCOPE, type BackendServices } from '../../../core/tenant';
import { loadAppKeys, type AppKeys } from '../../auth/app-keys';
import type { AppError } from '../../http/app-error';
import { BackendTokenClient, BackendTokenRejected } from './backend-token';

const ISS = 'https://ehr.test/fhir';
const TOKEN_URL = 'https://ehr.test/oauth2/token';
const discovery = {
  token_endpoint: TOKEN_URL,
  grant_types_supported: ['authorization_code', 'client_credentials'],
  token_endpoint_auth_methods_supported: ['private_key_jwt'],
  token_endpoint_auth_signing_alg_values_supported: ['ES384', 'RS384'],
};
const registration: BackendServices = {
  clientId: 'chartside-backend',
  scope: DEFAULT_BACKEND_SCOPE,
  algorithm: 'ES384',
};
let keys: AppKeys;
const server = setupServer();
const forms: URLSearchParams[] = [];

beforeAll(async () => {
  const jwk = async (alg: string) => {
    const { privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
    return JSON.stringify({ ...(await exportJWK(privateKey)), kid: `${alg}-kid` });
  };
  keys = await loadAppKeys({
    dataDir: '/nonexistent',
    privateJwk: await jwk('ES256'),
    clientAssertionJwks: { ES384: await jwk('ES384'), RS384: await jwk('RS384') },
  });
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
  forms.length = 0;
});
afterAll(() => {
  server.close();
});

function serve(
  options: { discovery?: Record<string, unknown>; token?: unknown; status?: number } = {},
): void {
  server.use(
    http.get(`${ISS}/.well-known/smart-configuration`, () =>
      HttpResponse.json(options.discovery ?? discovery),
    ),
    http.post(TOKEN_URL, async ({ request }) => {
      forms.push(new URLSearchParams(await request.text()));
      return HttpResponse.json(
        options.token ?? {
          access_token: `token-${forms.length}`,
          token_type: 'bearer',
          expires_in: 300,
          scope: 'system/Patient.rs',
        },
        { status: options.status ?? 200 },
      );
    }),
  );
}

async function tokenRejection(promise: Promise<unknown>): Promise<BackendTokenRejected> {
  const error = await refusal(promise);
  if (!(error instanceof BackendTokenRejected)) throw error;
  return error;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as AppError,
  );
}

test.each(['ES384', 'RS384'] as const)(
  'the %s assertion verifies against the published JWKS with the SMART claims',
  async (algorithm) => {
    serve();
    const before = Math.floor(Date.now() / 1000);
    const token = await new BackendTokenClient(keys).accessToken({
      iss: ISS,
      backendServices: { ...registration, algorithm },
    });
    expect(token).toBe('token-1');
    const form = forms[0]!;
    expect([...form.keys()].sort()).toEqual([
      'client_assertion',
      'client_assertion_type',
      'grant_type',
      'scope',
    ]);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    );
    expect(form.get('scope')).toBe(DEFAULT_BACKEND_SCOPE);
    const assertion = form.get('client_assertion')!;
    expect(decodeProtectedHeader(assertion)).toEqual({
      alg: algorithm,
      kid: `${algorithm}-kid`,
      typ: 'JWT',
    });
    const { payload } = await jwtVerify(assertion, createLocalJWKSet(keys.jwks), {
      algorithms: [algorithm],
      issuer: 'chartside-backend',
      subject: 'chartside-backend',
      audience: TOKEN_URL,
    });
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(300);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
  },
);

test('every assertion has a fresh jti', async () => {
  serve();
  const tenant = { iss: ISS, backendServices: registration };
  await new BackendTokenClient(keys).accessToken(tenant);
  await new BackendTokenClient(keys).accessToken(tenant);
  const jtis = await Promise.all(
    forms.map(async (form) => {
      const { payload } = await jwtVerify(
        form.get('client_assertion')!,
        createLocalJWKSet(keys.jwks),
      );
      return payload.jti;
    }),
  );
  expect(new Set(jtis).size).toBe(2);
});

test('a registered tokenUrl is used without reading the discovery document', async () => {
  server.use(
    http.post('https://auth.ehr.test/token', async ({ request }) => {
      forms.push(new URLSearchParams(await request.text()));
      return HttpResponse.json({
        access_token: 'direct',
        token_type: 'Bearer',
        expires_in: 60,
        scope: 'system/*.rs',
      });
    }),
  );
  const token = await new BackendTokenClient(keys).accessToken({
    iss: ISS,
    backendServices: { ...registration, tokenUrl: 'https://auth.ehr.test/token' },
  });
  expect(token).toBe('direct');
  const { payload } = await jwtVerify(
    forms[0]!.get('client_assertion')!,
    createLocalJWKSet(keys.jwks),
  );
  expect(payload.aud).toBe('https://auth.ehr.test/token');
});

test('the token is cached per tenant until 30 s before it expires', async () => {
  serve();
  let now = Date.parse('2026-11-26T10:00:00Z');
  const client = new BackendTokenClient(keys, { now: () => now });
  const tenant = { iss: ISS, backendServices: registration };
  expect(await client.accessToken(tenant)).toBe('token-1');
  now += 269_000;
  expect(await client.accessToken(tenant)).toBe('token-1');
  now += 2_000;
  expect(await client.accessToken(tenant)).toBe('token-2');
  const other = {
    iss: 'https://other.test/fhir',
    backendServices: { ...registration, tokenUrl: TOKEN_URL },
  };
  expect(await client.accessToken(other)).toBe('token-3');
  expect(await client.accessToken(tenant)).toBe('token-2');
  expect(forms).toHaveLength(3);
});

test('concurrent callers share one token request', async () => {
  serve();
  const client = new BackendTokenClient(keys);
  const tenant = { iss: ISS, backendServices: registration };
  const tokens = await Promise.all([client.accessToken(tenant), client.accessToken(tenant)]);
  expect(tokens).toEqual(['token-1', 'token-1']);
  expect(forms).toHaveLength(1);
});

test('a discovery document without private_key_jwt is refused before any assertion is sent', async () => {
  serve({
    discovery: { ...discovery, token_endpoint_auth_methods_supported: ['client_secret_basic'] },
  });
  const error = await refusal(
    new BackendTokenClient(keys).accessToken({ iss: ISS, backendServices: registration }),
  );
  expect(error.code).toBe('BACKEND_DISCOVERY_FAILED');
  expect(error.message).toBe(
    'The EHR cannot be used for Backend Services: it does not list private_key_jwt client authentication (if it accepts it, set tokenUrl in the registration)',
  );
  expect(forms).toHaveLength(0);
});

test('a discovery document that lists algorithms without ours is refused', async () => {
  serve({
    discovery: { ...discovery, token_endpoint_auth_signing_alg_values_supported: ['RS384'] },
  });
  const error = await refusal(
    new BackendTokenClient(keys).accessToken({ iss: ISS, backendServices: registration }),
  );
  expect(error.code).toBe('BACKEND_DISCOVERY_FAILED');
  expect(error.message).toBe(
    'The EHR cannot be used for Backend Services: it does not accept ES384 client assertions',
  );
  expect(forms).toHaveLength(0);
});

test('a discovery document without client_credentials is refused', async () => {
  serve({ discovery: { ...discovery, grant_types_supported: ['authorization_code'] } });
  const error = await refusal(
    new BackendTokenClient(keys).accessToken({ iss: ISS, backendServices: registration }),
  );
  expect(error.message).toBe(
    'The EHR cannot be used for Backend Services: it does not offer the client_credentials grant',
  );
});

test('a refusal carries the OAuth error code and never the assertion', async () => {
  serve({ token: { error: 'invalid_client', error_description: 'bad signature' }, status: 401 });
  const error = await tokenRejection(
    new BackendTokenClient(keys).accessToken({ iss: ISS, backendServices: registration }),
  );
  expect(error.code).toBe('BACKEND_TOKEN_REJECTED');
  expect(error.oauthError).toBe('invalid_client');
  expect(error.message).toBe(
    "The EHR refused the app's Backend Services token request (invalid_client): check the client id and the registered JWKS URL",
  );
  const assertion = forms[0]!.get('client_assertion')!;
  expect([JSON.stringify(error), error.message, String(error.stack)].join('\n')).not.toContain(
    assertion.split('.')[2],
  );
});

test('a token endpoint that redirects is not followed', async () => {
  server.use(
    http.get(`${ISS}/.well-known/smart-configuration`, () => HttpResponse.json(discovery)),
    http.post(TOKEN_URL, () =>
      HttpResponse.text('', { status: 307, headers: { location: 'https://evil.test/token' } }),
    ),
  );
  const error = await tokenRejection(
    new BackendTokenClient(keys).accessToken({ iss: ISS, backendServices: registration }),
  );
  expect(error.code).toBe('BACKEND_TOKEN_REJECTED');
  expect(error.oauthError).toBe('HTTP 307');
});

test.each([
  [
    'a MAC token',
    { access_token: 'x', token_type: 'mac', expires_in: 300, scope: 's' },
    'token_type',
  ],
  ['no expiry', { access_token: 'x', token_type: 'Bearer', scope: 's' }, 'expires_in'],
  ['no token', { token_type: 'Bearer', expires_in: 300, scope: 's' }, 'access_token'],
])('a response with %s is refused', async (_name, token, field) => {
  serve({ token });
  const error = await refusal(
    new BackendTokenClient(keys).accessToken({ iss: ISS, backendServices: registration }),
  );
  expect(error.code).toBe('BACKEND_TOKEN_INVALID');
  expect(error.message).toBe(
    `The EHR’s token response is not a SMART Backend Services token: ${field}`,
  );
});

test('"Bearer" is accepted in any case', async () => {
  serve({ token: { access_token: 'x', token_type: 'BEARER', expires_in: 300, scope: 's' } });
  expect(
    await new BackendTokenClient(keys).accessToken({ iss: ISS, backendServices: registration }),
  ).toBe('x');
});

test('a tenant without a Backend Services registration, or without our key, gets a clear error', async () => {
  const none = await refusal(new BackendTokenClient(keys).accessToken({ iss: ISS }));
  expect(none.code).toBe('BACKEND_SERVICES_NOT_CONFIGURED');
  const keyless = await loadAppKeys({
    dataDir: '/nonexistent',
    privateJwk: JSON.stringify({
      ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey)),
      kid: 'k',
    }),
  });
  const missing = await refusal(
    new BackendTokenClient(keyless).accessToken({ iss: ISS, backendServices: registration }),
  );
  expect(missing.code).toBe('BACKEND_SERVICES_NOT_CONFIGURED');
  expect(missing.message).toBe(
    "The app has no ES384 client-assertion key: set it in the app's configuration",
  );
});
