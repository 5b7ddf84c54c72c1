import { afterAll, beforeAll, expect, test } from 'vitest';
import { cdsDiscoverySchema } from '../../../core/cds-hooks/discovery';
import { CDS_SERVICE_IDS } from '../../../core/cds-hooks/service-ids';
import { startCdsStack, type CdsStack } from './cds-test-client';

let cds: CdsStack;
beforeAll(async () => {
  cds = await startCdsStack({ CDS_ALLOWED_ORIGINS: 'https://ehr.example.org' });
});
afterAll(() => cds.close());

async function discovery(): Promise<ReturnType<typeof cdsDiscoverySchema.parse>> {
  const response = await fetch(`${cds.stack.appUrl}/cds-services`);
  expect(response.status).toBe(200);
  return cdsDiscoverySchema.parse(await response.json());
}

const SERVICES = [
  { id: CDS_SERVICE_IDS.patientView, hook: 'patient-view' },
  { id: CDS_SERVICE_IDS.encounterStart, hook: 'encounter-start' },
  { id: CDS_SERVICE_IDS.orderSelect, hook: 'order-select' },
];

test.each(SERVICES.map((s) => [s.id, s] as const))(
  '§Discovery: %s is listed with its hook, a title and a description',
  async (_id, expected) => {
    const service = (await discovery()).services.find((s) => s.id === expected.id);
    expect(service?.hook).toBe(expected.hook);
    expect(service?.title).toMatch(/\S/);
    expect(service?.description).toMatch(/\S/);
  },
);

/** Prefetch tokens: root-level context fields or the user tokens (§Prefetch tokens). */
const ALLOWED_TOKENS =
  /^(context\.[A-Za-z]+|userPractitionerId|userPractitionerRoleId|userPatientId|userRelatedPersonId)$/;

test('§Prefetch Template: every template is a relative read or search using only allowed tokens', async () => {
  for (const service of (await discovery()).services) {
    for (const template of Object.values(service.prefetch ?? {})) {
      expect(template).toMatch(/^[A-Z][A-Za-z]+[/?]/);
      for (const [, token] of template.matchAll(/\{\{([^}]*)\}\}/g))
        expect(token).toMatch(ALLOWED_TOKENS);
    }
  }
});

test('§Prefetch Template: patient, conditions, labs, vitals, medications and encounter are asked for', async () => {
  const [service] = (await discovery()).services;
  expect(Object.keys(service?.prefetch ?? {})).toEqual(
    expect.arrayContaining(['patient', 'conditions', 'labs', 'vitals', 'medications', 'encounter']),
  );
});

test('§Discovery: no optional field is null or empty', async () => {
  const text = await (await fetch(`${cds.stack.appUrl}/cds-services`)).text();
  expect(text).not.toMatch(/null|""|\[\]|\{\}/);
});

const PATHS = [
  '/cds-services',
  `/cds-services/${CDS_SERVICE_IDS.patientView}`,
  `/cds-services/${CDS_SERVICE_IDS.patientView}/feedback`,
];

test.each(PATHS)(
  '§Cross-Origin Resource Sharing: preflight on %s answers an allowed origin',
  async (path) => {
    const response = await fetch(`${cds.stack.appUrl}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://ehr.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://ehr.example.org');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
  },
);

test('§Cross-Origin Resource Sharing: an origin off the allow-list gets no CORS headers', async () => {
  const response = await fetch(`${cds.stack.appUrl}/cds-services`, {
    headers: { origin: 'https://attacker.example.org' },
  });
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
});

test('§Cross-Origin Resource Sharing: the sandbox EHR origin is allowed without configuration', async () => {
  const origin = new URL(cds.stack.sandboxUrl).origin;
  const response = await fetch(`${cds.stack.appUrl}/cds-services`, { headers: { origin } });
  expect(response.headers.get('access-control-allow-origin')).toBe(origin);
});

test('§Calling a CDS Service: an unknown service id is 404', async () => {
  const response = await fetch(`${cds.stack.appUrl}/cds-services/no-such-service`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(response.status).toBe(404);
});
