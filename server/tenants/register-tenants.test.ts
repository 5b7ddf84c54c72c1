import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DEFAULT_BACKEND_SCOPE } from '../../core/tenant';
import { readTenantsFile, sandboxRegistration } from './register-tenants';

function tenantsFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tenants-')), 'tenants.json');
  writeFileSync(file, content);
  return file;
}

test('a valid file is read with defaults filled in and trailing slashes removed', async () => {
  const file = tenantsFile(
    JSON.stringify({
      tenants: [
        { iss: 'https://ehr.example.org/fhir/', name: 'E', clientId: 'c', scope: 'launch' },
      ],
    }),
  );
  expect(await readTenantsFile(file)).toEqual([
    {
      iss: 'https://ehr.example.org/fhir',
      name: 'E',
      vendor: 'other',
      clientId: 'c',
      scope: 'launch',
      frameOrigins: [],
      cdsClients: [],
      status: 'active',
    },
  ]);
});

test('every problem in the file is reported with its path', async () => {
  const file = tenantsFile(
    JSON.stringify({
      tenants: [
        {
          iss: 'not a url',
          name: 'E',
          clientId: '',
          scope: 'launch',
          frameOrigins: ['https://ehr.example.org/path'],
          cdsClients: [{ iss: 'https://ehr.example.org' }],
        },
      ],
    }),
  );
  const error = await readTenantsFile(file).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error?.message).toContain('tenants[0].iss');
  expect(error?.message).toContain('tenants[0].clientId');
  expect(error?.message).toContain('tenants[0].frameOrigins[0]');
  expect(error?.message).toContain('a CDS client needs a jku or a jwks');
});

test('a file that is not JSON is named in the error', async () => {
  const file = tenantsFile('{ tenants: ');
  await expect(readTenantsFile(file)).rejects.toThrow(
    `TENANTS_FILE ${file} could not be read as JSON`,
  );
});

test('the sandbox registration asks for least-privilege read scopes', () => {
  const registration = sandboxRegistration({ publicUrl: 'http://localhost:4000', clientId: 'x' });
  expect(registration.iss).toBe('http://localhost:4000/fhir');
  expect(registration.frameOrigins).toEqual(['http://localhost:4000']);
  for (const scope of registration.scope.split(' ').filter((s) => s.includes('/'))) {
    expect(scope).toMatch(/^patient\/[A-Za-z]+\.rs$/);
  }
});

test('the sandbox registration trusts the sandbox as an ES384 CDS client with its own JWKS URL', () => {
  const registration = sandboxRegistration({ publicUrl: 'http://localhost:4000', clientId: 'x' });
  expect(registration.cdsClients).toEqual([
    {
      iss: 'http://localhost:4000',
      jku: 'http://localhost:4000/cds-client/jwks.json',
      algorithms: ['ES384'],
    },
  ]);
});

test('the sandbox registration gives the outcomes job system read access as chartside-backend', () => {
  const registration = sandboxRegistration({ publicUrl: 'http://localhost:4000', clientId: 'x' });
  expect(registration.backendServices).toEqual({
    clientId: 'chartside-backend',
    scope: DEFAULT_BACKEND_SCOPE,
    algorithm: 'ES384',
  });
  for (const scope of registration.backendServices?.scope.split(' ') ?? []) {
    expect(scope).toMatch(/^system\/[A-Za-z]+\.rs$/);
  }
});
