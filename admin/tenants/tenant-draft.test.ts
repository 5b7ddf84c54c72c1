import { expect, test } from 'vitest';
import { tenantFixture } from '../test-support/admin-fixtures';
import { draftFromTenant, newTenantDraft, registrationOf, updateOf } from './tenant-draft';

test('editing a CDS client’s issuer keeps its inline keys and algorithms', () => {
  const jwks = { keys: [{ kty: 'EC', crv: 'P-384', x: 'x', y: 'y' }] };
  const draft = draftFromTenant(
    tenantFixture({
      cdsClients: [{ iss: 'https://old.example.org', jwks, algorithms: ['ES384'] }],
    }),
  );
  const [client] = draft.cdsClients;
  if (!client) throw new Error('the draft lost the CDS client');

  const registration = registrationOf({
    ...draft,
    cdsClients: [{ ...client, iss: ' https://new.example.org ' }],
  });

  expect(registration.cdsClients).toEqual([
    { iss: 'https://new.example.org', jwks, algorithms: ['ES384'] },
  ]);
});

test('frame origins may be given one per line or comma-separated; empty ids are left out', () => {
  const registration = registrationOf({
    ...newTenantDraft('https://ehr.example.org/fhir'),
    name: ' Example Health ',
    frameOrigins: 'https://a.example.org\n\nhttps://b.example.org, https://c.example.org',
    scope: ' launch   openid\nfhirUser ',
    nonProductionClientId: 'chartside-test',
  });

  expect(registration).toEqual({
    name: 'Example Health',
    vendor: 'other',
    environment: 'production',
    clientIds: { 'non-production': 'chartside-test' },
    scope: 'launch openid fhirUser',
    frameOrigins: ['https://a.example.org', 'https://b.example.org', 'https://c.example.org'],
    cdsClients: [],
  });
});

test('a Backend Services client id registers it with the chosen algorithm; empty leaves it out', () => {
  const draft = newTenantDraft('https://ehr.example.org/fhir');
  expect(registrationOf(draft)).not.toHaveProperty('backendServices');

  const registration = registrationOf({
    ...draft,
    backendClientId: ' chartside-backend ',
    backendAlgorithm: 'RS384',
  });

  expect(registration.backendServices).toEqual({
    clientId: 'chartside-backend',
    algorithm: 'RS384',
  });
});

test('export file hosts are sent one origin per line, and come back the same way', () => {
  const draft = {
    ...newTenantDraft('https://ehr.example.org/fhir'),
    backendClientId: 'chartside-backend',
    backendFileOrigins: ' https://exports.blob.example\n\nhttps://files.example.org ',
  };
  const registration = registrationOf(draft);
  expect(registration.backendServices?.fileOrigins).toEqual([
    'https://exports.blob.example',
    'https://files.example.org',
  ]);
  const saved = draftFromTenant(
    tenantFixture({
      backendServices: {
        clientId: 'b',
        algorithm: 'ES384',
        scope: 's',
        ...registration.backendServices,
      },
    }),
  );
  expect(saved.backendFileOrigins).toBe('https://exports.blob.example\nhttps://files.example.org');
  expect(registrationOf({ ...saved, backendFileOrigins: '' }).backendServices).not.toHaveProperty(
    'fileOrigins',
  );
});

test('editing the Backend Services client id keeps its scope and token URL', () => {
  const backendServices = {
    clientId: 'old-backend',
    algorithm: 'ES384' as const,
    scope: 'system/Patient.rs system/Observation.rs',
    tokenUrl: 'https://ehr.example.org/oauth2/token',
  };
  const draft = draftFromTenant(tenantFixture({ backendServices }));
  expect([draft.backendClientId, draft.backendAlgorithm]).toEqual(['old-backend', 'ES384']);

  expect(registrationOf({ ...draft, backendClientId: 'new-backend' }).backendServices).toEqual({
    ...backendServices,
    clientId: 'new-backend',
  });
});

test('emptying the Backend Services client id of a tenant that had one removes it on save', () => {
  const draft = draftFromTenant(
    tenantFixture({
      backendServices: { clientId: 'old', algorithm: 'ES384', scope: 'system/Patient.rs' },
    }),
  );
  expect(updateOf({ ...draft, backendClientId: ' ' }).backendServices).toBeNull();
  expect(updateOf(draft).backendServices).toMatchObject({ clientId: 'old' });
  // A tenant that never had one sends nothing, rather than a removal.
  const plain = draftFromTenant(tenantFixture({}));
  expect(updateOf(plain)).not.toHaveProperty('backendServices');
});
