import { DEFAULT_LAUNCH_SCOPE } from '../../core/tenant';
import type { AdminTenant, SmartDiscovery } from '../../core/wire/admin';
import { ERROR_CODE_SYSTEM, type OperationOutcomeBody } from '../../core/wire/operation-outcome';

export const ADMIN_TOKEN = 'test-admin-token-of-at-least-32-characters';
/** The page's origin in jsdom: the admin API is same-origin. */
export const api = (path: string) => `${window.location.origin}/api/admin${path}`;

export const discoveryFixture: SmartDiscovery = {
  fetchedAt: '2026-11-26T10:00:00.000Z',
  issuer: 'https://ehr.example.org/oauth2',
  jwksUri: 'https://ehr.example.org/oauth2/jwks',
  authorizationEndpoint: 'https://ehr.example.org/oauth2/authorize',
  tokenEndpoint: 'https://ehr.example.org/oauth2/token',
  capabilities: ['launch-ehr', 'client-public', 'sso-openid-connect'],
  scopesSupported: ['openid', 'fhirUser', 'launch', 'patient/*.rs'],
  codeChallengeMethods: ['S256'],
};

export function tenantFixture(overrides: Partial<AdminTenant> = {}): AdminTenant {
  return {
    id: 'tenant-1',
    iss: 'https://ehr.example.org/fhir',
    name: 'Example Health',
    vendor: 'epic',
    environment: 'production',
    clientId: 'chartside-prod',
    scope: DEFAULT_LAUNCH_SCOPE,
    frameOrigins: ['https://ehr.example.org'],
    cdsClients: [],
    status: 'active',
    discovery: discoveryFixture,
    createdAt: '2026-11-26T10:00:00.000Z',
    updatedAt: '2026-11-26T10:00:00.000Z',
    ...overrides,
  };
}

/** An error as the server renders it (server/http/render-error.ts). */
export function outcome(code: string, text: string, expression?: string[]): OperationOutcomeBody {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code: 'invalid',
        details: { coding: [{ system: ERROR_CODE_SYSTEM, code }], text },
        ...(expression && { expression }),
      },
    ],
  };
}
