import type { Resource } from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  makeKey,
  startBackendSandbox,
  systemToken,
  type BackendSandbox,
  type TestKey,
} from '../support/sandbox-backend-client';

const SCOPE = 'system/Patient.rs system/Observation.rs system/Condition.rs system/Group.rs';
const FILE_LIMIT = 1000;

let stack: BackendSandbox;
let token: string;
let otherToken: string;
let key: TestKey;

interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: unknown[];
}

beforeAll(async () => {
  key = await makeKey('ES384');
  const otherKey = await makeKey('RS384');
  stack = await startBackendSandbox(
    [
      { clientId: 'outcomes', scope: SCOPE, keys: [key] },
      { clientId: 'other-job', scope: SCOPE, keys: [otherKey] },
    ],
    // Long enough that the first poll, even on a loaded machine, comes before the job is done.
    { SANDBOX_EXPORT_DELAY_MS: '1000', SANDBOX_EXPORT_FILE_LIMIT: String(FILE_LIMIT) },
  );
  token = await systemToken(stack, 'outcomes', key, SCOPE);
  otherToken = await systemToken(stack, 'other-job', otherKey, SCOPE);
});
afterAll(() => stack.close());

const auth = (bearer = token): Record<string, string> => ({ authorization: `Bearer ${bearer}` });

async function kickOff(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${stack.fhirBaseUrl}/${path}`, {
    headers: { ...auth(), prefer: 'respond-async', accept: 'application/fhir+json', ...headers },
  });
}

/** Kicks off, checks the first poll is still running, then polls until the manifest. */
async function runExport(path: string): Promise<Manifest> {
  const started = await kickOff(path);
  expect(started.status).toBe(202);
  const statusUrl = started.headers.get('content-location');
  expect(statusUrl).toMatch(new RegExp(`^${stack.fhirBaseUrl}/`));
  const first = await fetch(statusUrl!, { headers: auth() });
  expect(first.status).toBe(202);
  expect(first.headers.get('x-progress')).toBe('in progress');
  expect(Number(first.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const polled = await fetch(statusUrl!, { headers: auth() });
    if (polled.status === 202) continue;
    expect(polled.status).toBe(200);
    expect(polled.headers.get('content-type')).toContain('application/json');
    expect(polled.headers.get('expires')).not.toBeNull();
    return (await polled.json()) as Manifest;
  }
  throw new Error('the export did not finish');
}

async function download(url: string, bearer?: string): Promise<Resource[]> {
  const response = await fetch(url, { headers: bearer === undefined ? auth() : auth(bearer) });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/fhir+ndjson');
  const text = await response.text();
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Resource);
}

async function downloadAll(manifest: Manifest): Promise<Map<string, Resource[]>> {
  const byType = new Map<string, Resource[]>();
  for (const file of manifest.output) {
    const resources = await download(file.url);
    expect(resources).toHaveLength(file.count);
    expect(resources.length).toBeLessThanOrEqual(FILE_LIMIT);
    for (const resource of resources) expect(resource.resourceType).toBe(file.type);
    byType.set(file.type, [...(byType.get(file.type) ?? []), ...resources]);
  }
  return byType;
}

async function repositoryCount(type: string): Promise<number> {
  const bundle = await stack.sandbox.repo.search({ resourceType: type as 'Patient' });
  return bundle.total ?? 0;
}

test('a system export runs asynchronously and its files hold every resource once', async () => {
  const before = new Date().toISOString();
  const manifest = await runExport('$export?_type=Patient,Observation,Condition');
  expect(manifest.request).toBe(`${stack.fhirBaseUrl}/$export?_type=Patient,Observation,Condition`);
  expect(manifest.requiresAccessToken).toBe(true);
  expect(manifest.error).toEqual([]);
  expect(Date.parse(manifest.transactionTime)).toBeGreaterThanOrEqual(Date.parse(before));
  const byType = await downloadAll(manifest);
  expect([...byType.keys()].sort()).toEqual(['Condition', 'Observation', 'Patient']);
  for (const [type, resources] of byType) {
    expect(resources).toHaveLength(await repositoryCount(type));
    expect(new Set(resources.map((r) => r.id)).size).toBe(resources.length);
  }
  // Split by type at the file limit: the generated panel has more observations than one file holds.
  const observations = await repositoryCount('Observation');
  expect(observations).toBeGreaterThan(FILE_LIMIT);
  const observationFiles = manifest.output.filter((file) => file.type === 'Observation');
  expect(observationFiles).toHaveLength(Math.ceil(observations / FILE_LIMIT));
});

test('without _type the export holds every type the token may read, and only those', async () => {
  const manifest = await runExport('$export');
  const types = new Set(manifest.output.map((file) => file.type));
  expect(types).toEqual(new Set(['Patient', 'Observation', 'Condition']));
});

test('_type limits the output, and a type outside the token is refused', async () => {
  const manifest = await runExport('$export?_type=Condition');
  expect(new Set(manifest.output.map((file) => file.type))).toEqual(new Set(['Condition']));
  const refused = await kickOff('$export?_type=Condition,Encounter');
  expect(refused.status).toBe(403);
  expect(await refused.json()).toMatchObject({
    issue: [{ code: 'forbidden', diagnostics: 'Scope does not allow exporting Encounter' }],
  });
  const unknown = await kickOff('$export?_type=Observations');
  expect(unknown.status).toBe(400);
});

test('_since keeps only resources updated at or after it', async () => {
  const since = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const patient = stack.sandbox.patients[0]!.id;
  const created = await stack.sandbox.repo.createResource({
    resourceType: 'Observation',
    status: 'final',
    code: { text: 'bulk export _since probe' },
    subject: { reference: `Patient/${patient}` },
  });
  const manifest = await runExport(`$export?_type=Observation,Patient&_since=${since}`);
  const byType = await downloadAll(manifest);
  expect([...byType.keys()]).toEqual(['Observation']);
  expect(byType.get('Observation')?.map((r) => r.id)).toEqual([created.id]);
});

test('Patient/$export holds the Patient compartment; Group/$export only its members', async () => {
  const [first, second] = stack.sandbox.patients;
  const members = [first!.id, second!.id];
  const group = await stack.sandbox.repo.createResource({
    resourceType: 'Group',
    type: 'person',
    actual: true,
    member: members.map((id) => ({ entity: { reference: `Patient/${id}` } })),
  });
  const all = await downloadAll(await runExport('Patient/$export'));
  expect([...all.keys()].sort()).toEqual(['Condition', 'Observation', 'Patient']);
  expect(all.get('Patient')).toHaveLength(await repositoryCount('Patient'));
  const some = await downloadAll(
    await runExport(`Group/${group.id}/$export?_type=Patient,Condition`),
  );
  expect(
    some
      .get('Patient')
      ?.map((p) => p.id)
      .sort(),
  ).toEqual([...members].sort());
  const subjects = new Set(
    some
      .get('Condition')
      ?.map((c) => (c as { subject?: { reference?: string } }).subject?.reference),
  );
  expect([...subjects].sort()).toEqual(members.map((id) => `Patient/${id}`).sort());
  const outside = await kickOff('Patient/$export?_type=Organization');
  expect(outside.status).toBe(400);
  expect(await outside.json()).toMatchObject({
    issue: [{ diagnostics: 'Organization is outside the Patient compartment' }],
  });
  const missing = await kickOff('Group/no-such-group/$export');
  expect(missing.status).toBe(404);
});

test.each([
  ['without Prefer: respond-async', '$export', { prefer: '' }, /Prefer: respond-async/],
  ['asking for XML', '$export', { accept: 'application/fhir+xml' }, /Accept/],
  [
    'with an unsupported parameter',
    '$export?_typeFilter=Observation%3Fstatus%3Dfinal',
    {},
    /_typeFilter is not supported/,
  ],
  ['with an unsupported output format', '$export?_outputFormat=text/csv', {}, /_outputFormat/],
  [
    'with a _since that is not an instant',
    '$export?_since=2024-01-01',
    {},
    /_since must be a FHIR instant/,
  ],
] as const)('a kick-off %s is refused with 400', async (_name, path, headers, message) => {
  const response = await kickOff(path, headers);
  expect(response.status).toBe(400);
  expect(response.headers.get('content-location')).toBeNull();
  const body = (await response.json()) as { issue: { code: string; diagnostics: string }[] };
  expect(body.issue[0]?.code).toBe('invalid');
  expect(body.issue[0]?.diagnostics).toMatch(message);
});

test('the NDJSON spellings of _outputFormat are all accepted', async () => {
  for (const format of ['application/fhir%2Bndjson', 'application/ndjson', 'ndjson']) {
    expect((await kickOff(`$export?_type=Patient&_outputFormat=${format}`)).status).toBe(202);
  }
});

test('status and files answer only the client that started the export', async () => {
  const manifest = await runExport('$export?_type=Condition');
  const file = manifest.output[0]!.url;
  const statusUrl = file.replace(/\/[^/]+$/, '');
  const anonymous = await fetch(file);
  expect(anonymous.status).toBe(401);
  for (const url of [file, statusUrl]) {
    const stranger = await fetch(url, { headers: auth(otherToken) });
    expect(stranger.status).toBe(404);
    expect(await stranger.text()).not.toContain('"resourceType":"Condition"');
  }
  const deleteByStranger = await fetch(statusUrl, { method: 'DELETE', headers: auth(otherToken) });
  expect(deleteByStranger.status).toBe(404);
  // The same client, with a token that no longer covers the exported type (§Privacy and Security).
  const narrowed = await systemToken(stack, 'outcomes', key, 'system/Patient.rs');
  for (const url of [file, statusUrl]) {
    const refused = await fetch(url, { headers: auth(narrowed) });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      issue: [{ code: 'forbidden', diagnostics: 'Scope does not allow r on Condition' }],
    });
  }
  expect(await download(file)).toHaveLength(manifest.output[0]!.count);
});

test('DELETE cancels an export and its files are gone', async () => {
  const manifest = await runExport('$export?_type=Patient');
  const file = manifest.output[0]!.url;
  const statusUrl = file.replace(/\/[^/]+$/, '');
  const deleted = await fetch(statusUrl, { method: 'DELETE', headers: auth() });
  expect(deleted.status).toBe(202);
  expect((await fetch(statusUrl, { headers: auth() })).status).toBe(404);
  expect((await fetch(file, { headers: auth() })).status).toBe(404);
  const running = await kickOff('$export?_type=Patient');
  const runningUrl = running.headers.get('content-location')!;
  expect((await fetch(runningUrl, { method: 'DELETE', headers: auth() })).status).toBe(202);
  expect((await fetch(runningUrl, { headers: auth() })).status).toBe(404);
});
