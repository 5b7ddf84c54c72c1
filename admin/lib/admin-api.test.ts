import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { ADMIN_TOKEN, api, outcome, tenantFixture } from '../test-support/admin-fixtures';
import { createAdminApi } from './admin-api';
import { AdminError } from './admin-error';

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

const admin = createAdminApi({ token: ADMIN_TOKEN, actor: 'Ada Admin' });

async function failure(call: Promise<unknown>): Promise<AdminError> {
  const error: unknown = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AdminError))
    throw new Error(`expected an AdminError, got ${String(error)}`);
  return error;
}

test('sends the token as a bearer and the name for the audit log, and parses the answer', async () => {
  let headers: Headers | undefined;
  server.use(
    http.get(api('/tenants'), ({ request }) => {
      headers = request.headers;
      return HttpResponse.json({ tenants: [{ ...tenantFixture(), warnings: [] }] });
    }),
  );

  const tenants = await admin.listTenants();

  expect(tenants.map((t) => t.name)).toEqual(['Example Health']);
  expect(headers?.get('authorization')).toBe(`Bearer ${ADMIN_TOKEN}`);
  expect(headers?.get('x-admin-actor')).toBe('Ada Admin');
});

test('an OperationOutcome becomes an AdminError with the server’s code, message and fields', async () => {
  server.use(
    http.post(api('/tenants'), () =>
      HttpResponse.json(
        outcome('TENANT_ALREADY_REGISTERED', 'https://ehr.example.org/fhir is registered', ['iss']),
        { status: 409 },
      ),
    ),
  );

  const error = await failure(
    admin.createTenant({ iss: 'https://ehr.example.org/fhir', name: 'Again', clientId: 'x' }),
  );

  expect(error.code).toBe('TENANT_ALREADY_REGISTERED');
  expect(error.message).toBe('https://ehr.example.org/fhir is registered');
  expect(error.fields).toEqual(['iss']);
  expect(error.advice).toMatch(/^Open that EHR from the tenant list and edit it instead/);
});

test('a refused token is ADMIN_TOKEN_REJECTED, with the advice to sign in again', async () => {
  server.use(
    http.get(api('/tenants/tenant-1'), () =>
      HttpResponse.json(outcome('SESSION_INVALID', 'An administrator token is required'), {
        status: 401,
      }),
    ),
  );

  const error = await failure(admin.getTenant('tenant-1'));

  expect(error.code).toBe('ADMIN_TOKEN_REJECTED');
  expect(error.message).toBe('An administrator token is required');
  expect(error.advice).toMatch(/^Sign out, then sign in/);
});

test('a server without ADMIN_TOKEN is ADMIN_API_OFF, saying how to turn it on', async () => {
  server.use(
    http.get(api('/tenants'), () =>
      HttpResponse.json(outcome('NOT_FOUND', 'No such API endpoint'), { status: 404 }),
    ),
  );

  const error = await failure(admin.listTenants());

  expect(error.code).toBe('ADMIN_API_OFF');
  expect(error.advice).toMatch(/Set ADMIN_TOKEN \(at least 32 characters\)/);
});

test('an answer that does not fit the wire schema is SERVER_INVALID, naming the field', async () => {
  server.use(
    http.get(api('/tenants/tenant-1'), () =>
      HttpResponse.json({ ...tenantFixture(), status: 'paused' }),
    ),
  );

  const error = await failure(admin.getTenant('tenant-1'));

  expect(error.code).toBe('SERVER_INVALID');
  expect(error.message).toMatch(
    /^GET \/api\/admin\/tenants\/tenant-1 answered an invalid tenant at status: /,
  );
});

test('a network failure is SERVER_UNAVAILABLE', async () => {
  server.use(http.get(api('/tenants'), () => HttpResponse.error()));

  const error = await failure(admin.listTenants());

  expect(error.code).toBe('SERVER_UNAVAILABLE');
  expect(error.message).toBe('The Chartside server could not be reached (GET /api/admin/tenants)');
});
