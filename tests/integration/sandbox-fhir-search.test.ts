import type { Bundle, Observation } from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchTokens } from '../support/smart-client';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let headers: Record<string, string>;
const patientId = 'maria-santos';

beforeAll(async () => {
  stack = await startStack();
  const { accessToken } = await launchTokens(stack.sandbox, stack.appUrl, {
    patient: patientId,
    practitioner: stack.sandbox.practitioners[0]!.id!,
  });
  headers = { authorization: `Bearer ${accessToken}` };
});
afterAll(() => stack.close());

async function search(query: string): Promise<Bundle> {
  const response = await fetch(`${stack.sandbox.urls.fhirBaseUrl}/${query}`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/fhir+json');
  return (await response.json()) as Bundle;
}

const observations = (bundle: Bundle): Observation[] =>
  (bundle.entry ?? []).map((entry) => entry.resource as Observation);

test('a code search with system|code finds the lactate', async () => {
  const bundle = await search(
    `Observation?patient=Patient/${patientId}&code=http://loinc.org|2524-7`,
  );
  expect(observations(bundle).map((o) => o.valueQuantity?.value)).toEqual([4.1]);
});

test('a bare patient id is searched like a reference', async () => {
  const bare = await search(`Condition?patient=${patientId}`);
  const reference = await search(`Condition?patient=Patient/${patientId}`);
  expect(bare.total).toBeGreaterThan(0);
  expect(bare.total).toBe(reference.total);
});

test('_sort=-date returns the newest first and pages with next links until the end', async () => {
  const seen: string[] = [];
  let url: string | undefined =
    `Observation?patient=Patient/${patientId}&category=laboratory&_sort=-date&_count=5`;
  let pages = 0;
  while (url !== undefined) {
    const bundle = await search(url.replace(`${stack.sandbox.urls.fhirBaseUrl}/`, ''));
    pages += 1;
    for (const o of observations(bundle)) seen.push(o.effectiveDateTime ?? '');
    url = bundle.link?.find((link) => link.relation === 'next')?.url;
    if (url === undefined) expect(seen.length).toBe(bundle.total);
  }
  expect(pages).toBeGreaterThan(1);
  expect([...seen].sort().reverse()).toEqual(seen);
});

test('date prefixes and category narrow the search', async () => {
  const all = await search(
    `Observation?patient=Patient/${patientId}&category=laboratory&_count=200`,
  );
  const since = new Date(Date.now() - 24 * 3600_000).toISOString();
  const recent = await search(
    `Observation?patient=Patient/${patientId}&category=laboratory&date=ge${since}&_count=200`,
  );
  expect(recent.total).toBeGreaterThan(0);
  expect(recent.total).toBeLessThan(all.total!);
  for (const o of observations(recent)) {
    expect(Date.parse(o.effectiveDateTime!)).toBeGreaterThanOrEqual(Date.parse(since));
  }
});

test('status and clinical-status filter medications and problems', async () => {
  const active = await search(`MedicationRequest?patient=Patient/${patientId}&status=active`);
  expect(active.total).toBeGreaterThan(0);
  for (const entry of active.entry ?? [])
    expect(entry.resource).toMatchObject({ status: 'active' });
  const problems = await search(`Condition?patient=Patient/${patientId}&clinical-status=active`);
  expect(problems.total).toBeGreaterThan(0);
});

test('the CapabilityStatement and SMART discovery are public', async () => {
  const metadata = await fetch(`${stack.sandbox.urls.fhirBaseUrl}/metadata`);
  expect(await metadata.json()).toMatchObject({
    resourceType: 'CapabilityStatement',
    fhirVersion: '4.0.1',
  });
  const discovery = (await (
    await fetch(`${stack.sandbox.urls.fhirBaseUrl}/.well-known/smart-configuration`)
  ).json()) as Record<string, unknown>;
  expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
  expect(discovery.capabilities).toEqual(
    expect.arrayContaining([
      'launch-ehr',
      'launch-standalone',
      'context-ehr-encounter',
      'sso-openid-connect',
    ]),
  );
});

test('FHIR reads without a token are refused with 401', async () => {
  const response = await fetch(`${stack.sandbox.urls.fhirBaseUrl}/Patient/${patientId}`);
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
});
