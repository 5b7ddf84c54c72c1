import { expect, test } from 'vitest';
import { TENANT_VENDORS } from '../../core/tenant';
import { registrationSheetSchema } from '../../core/wire/admin';
import type { Tenant } from '../tenants/tenant-store';
import { registrationSheet } from './registration-sheet';

const PUBLIC_URL = 'https://chartside.example.org';

function tenant(overrides: Partial<Tenant> = {}): Tenant {
  return {
    id: 't1',
    iss: 'https://ehr.example.org/fhir',
    name: 'Example Health',
    vendor: 'epic',
    environment: 'production',
    clientId: 'chartside-prod',
    clientIds: { production: 'chartside-prod', 'non-production': 'chartside-np' },
    scope: 'launch openid fhirUser patient/Observation.rs patient/Encounter.rs',
    frameOrigins: [],
    cdsClients: [],
    status: 'active',
    createdAt: '2026-11-26T10:00:00.000Z',
    updatedAt: '2026-11-26T10:00:00.000Z',
    ...overrides,
  };
}

const valueOf = (sheet: ReturnType<typeof registrationSheet>, id: string): string | undefined =>
  sheet.fields.find((f) => f.id === id)?.value;

test.each(TENANT_VENDORS)(
  'the %s sheet has every URL a portal asks for, from PUBLIC_URL',
  (vendor) => {
    const sheet = registrationSheetSchema.parse(registrationSheet(tenant({ vendor }), PUBLIC_URL));
    expect(sheet.vendor).toBe(vendor);
    expect(Object.fromEntries(sheet.fields.map((f) => [f.id, f.value]))).toMatchObject({
      launchUrl: `${PUBLIC_URL}/launch`,
      redirectUrl: `${PUBLIC_URL}/app/`,
      scopes: 'launch openid fhirUser patient/Observation.rs patient/Encounter.rs',
      jwksUrl: `${PUBLIC_URL}/.well-known/jwks.json`,
      cdsDiscoveryUrl: `${PUBLIC_URL}/cds-services`,
      logoUrl: `${PUBLIC_URL}/logo.svg`,
    });
    expect(valueOf(sheet, 'description')).toContain('continuing-education credit');
    expect(sheet.steps.length).toBeGreaterThan(0);
  },
);

test('the Epic sheet lists both client ids, the scope version and the incoming APIs', () => {
  const sheet = registrationSheet(tenant(), PUBLIC_URL);
  expect(valueOf(sheet, 'nonProductionClientId')).toBe('chartside-np');
  expect(valueOf(sheet, 'productionClientId')).toBe('chartside-prod');
  expect(valueOf(sheet, 'smartVersion')).toBe('SMART v2');
  expect(valueOf(sheet, 'incomingApis')).toBe(
    'Observation.Read (R4), Observation.Search (R4), Encounter.Read (R4), Encounter.Search (R4)',
  );
});

test('a v1 scope string is registered as SMART v1', () => {
  const sheet = registrationSheet(
    tenant({ vendor: 'oracle', scope: 'launch openid fhirUser patient/Observation.read' }),
    PUBLIC_URL,
  );
  expect(valueOf(sheet, 'smartVersion')).toBe('SMART v1');
  expect(sheet.title).toBe('Oracle Health (Cerner Code Console)');
  expect(sheet.steps.join(' ')).toContain('https on port 443');
});

test('a tenant with Backend Services gets the fields its second, confidential client needs', () => {
  expect(valueOf(registrationSheet(tenant(), PUBLIC_URL), 'backendClient')).toBeUndefined();
  const sheet = registrationSheet(
    tenant({
      backendServices: {
        clientId: 'chartside-backend',
        algorithm: 'RS384',
        scope: 'system/Patient.rs system/Encounter.rs',
      },
    }),
    PUBLIC_URL,
  );
  expect(valueOf(sheet, 'backendClient')).toBe('chartside-backend');
  expect(valueOf(sheet, 'backendSigning')).toBe(
    `RS384, keys at ${PUBLIC_URL}/.well-known/jwks.json`,
  );
  expect(valueOf(sheet, 'backendScopes')).toBe('system/Patient.rs system/Encounter.rs');
});
