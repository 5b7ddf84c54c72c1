import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Encounter, Observation, Patient, Resource } from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadFhirDirectory, loadFhirDirectoryWithSummary } from './load-fhir-directory';

const NPI = 'http://hl7.org/fhir/sid/us-npi';
const SYNTHEA_ORG = 'https://github.com/synthetichealth/synthea';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chartside-fhir-dir-'));
  await mkdir(join(dir, 'shared'));
  const json = (name: string, value: unknown) => writeFile(join(dir, name), JSON.stringify(value));
  // A Synthea-style patient transaction bundle: urn:uuid fullUrls and conditional references.
  await json('patient.json', {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:aaaa-1',
        resource: { resourceType: 'Patient', id: 'aaaa-1', name: [{ family: 'Fixture' }] },
        request: { method: 'POST', url: 'Patient' },
      },
      {
        fullUrl: 'urn:uuid:bbbb-2',
        resource: {
          resourceType: 'Encounter',
          status: 'in-progress',
          class: { code: 'EMER' },
          subject: { reference: 'urn:uuid:aaaa-1' },
          participant: [{ individual: { reference: `Practitioner?identifier=${NPI}|9999000001` } }],
          serviceProvider: { reference: `Organization?identifier=${SYNTHEA_ORG}|org-1` },
        },
        request: { method: 'POST', url: 'Encounter' },
      },
      {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { text: 'Lactate' },
          subject: { reference: 'urn:uuid:aaaa-1' },
          encounter: { reference: 'urn:uuid:bbbb-2' },
          performer: [{ reference: 'Practitioner?identifier=http://example.org|nobody' }],
        },
        request: { method: 'POST', url: 'Observation' },
      },
    ],
  });
  // Like Synthea's practitionerInformation*.json: a batch of conditional creates, in a subfolder.
  await json('shared/practitionerInformation1.json', {
    resourceType: 'Bundle',
    type: 'batch',
    entry: [
      {
        fullUrl: 'urn:uuid:prac-1',
        resource: {
          resourceType: 'Practitioner',
          id: 'prac-1',
          identifier: [{ system: NPI, value: '9999000001' }],
        },
        request: {
          method: 'POST',
          url: 'Practitioner',
          ifNoneExist: `identifier=${NPI}|9999000001`,
        },
      },
    ],
  });
  await json('shared/organization.json', {
    resourceType: 'Organization',
    id: 'org-1',
    identifier: [{ system: SYNTHEA_ORG, value: 'org-1' }],
  });
  await writeFile(
    join(dir, 'shared/conditions.ndjson'),
    [
      JSON.stringify({
        resourceType: 'Condition',
        id: 'c1',
        subject: { reference: 'Patient/aaaa-1' },
      }),
      '',
      JSON.stringify({ resourceType: 'Condition', subject: { reference: 'Patient/aaaa-1' } }),
      '{ not json',
    ].join('\n'),
  );
  await json('index.json', { set: 'dev', patients: [] });
  await writeFile(join(dir, 'README.md'), '# not loaded');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const byType = <T extends Resource>(resources: Resource[], type: T['resourceType']): T[] =>
  resources.filter((r): r is T => r.resourceType === type);

test('urn:uuid references are rewritten to Type/id through the bundle fullUrls', async () => {
  const resources = await loadFhirDirectory(dir);
  const [encounter] = byType<Encounter>(resources, 'Encounter');
  const [observation] = byType<Observation>(resources, 'Observation');
  expect(encounter?.id).toBe('bbbb-2');
  expect(encounter?.subject?.reference).toBe('Patient/aaaa-1');
  expect(observation?.encounter?.reference).toBe('Encounter/bbbb-2');
});

test('conditional identifier references resolve into other files and subfolders', async () => {
  const [encounter] = byType<Encounter>(await loadFhirDirectory(dir), 'Encounter');
  expect(encounter?.participant?.[0]?.individual?.reference).toBe('Practitioner/prac-1');
  expect(encounter?.serviceProvider?.reference).toBe('Organization/org-1');
});

test('unresolvable references are left as they are and counted', async () => {
  const { resources, summary } = await loadFhirDirectoryWithSummary(dir);
  const [observation] = byType<Observation>(resources, 'Observation');
  expect(observation?.performer?.[0]?.reference).toBe(
    'Practitioner?identifier=http://example.org|nobody',
  );
  expect(summary.unresolvedReferences).toEqual({
    count: 1,
    byTargetType: { Practitioner: 1 },
    examples: ['Practitioner?identifier=http://example.org|nobody'],
  });
});

test('ndjson lines load one resource each and resources without an id get a stable one', async () => {
  const first = byType(await loadFhirDirectory(dir), 'Condition');
  const second = byType(await loadFhirDirectory(dir), 'Condition');
  expect(first.map((c) => c.id)).toEqual(second.map((c) => c.id));
  expect(first).toHaveLength(2);
  expect(first[1]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});

test('files that are not FHIR are skipped with the reason, not thrown', async () => {
  const { summary } = await loadFhirDirectoryWithSummary(dir);
  expect(summary.skipped.map((s) => s.file)).toEqual(['index.json', 'shared/conditions.ndjson:4']);
  expect(summary.skipped[0]?.error).toBe('not a FHIR resource or Bundle: no "resourceType"');
  expect(summary.skipped[1]?.error).toMatch(/^not valid JSON: /);
  expect(summary.files).toBe(5);
  expect(summary.byType).toEqual({
    Condition: 2,
    Encounter: 1,
    Observation: 1,
    Organization: 1,
    Patient: 1,
    Practitioner: 1,
  });
});

// The Synthea set lives outside the repository (../shared/data, read-only in CI); a checkout
// without it can still run every other test.
const synthea = fileURLToPath(new URL('../../../../shared/data/synthea', import.meta.url));

test.skipIf(!existsSync(synthea))(
  'the Synthea set loads with every Patient and Encounter reference resolved',
  async () => {
    const { resources, summary } = await loadFhirDirectoryWithSummary(synthea);
    const loaded = new Set(resources.map((r) => `${r.resourceType}/${r.id ?? ''}`));
    const patientOrEncounterRefs = JSON.stringify(resources).match(
      /"reference":"(?:Patient|Encounter)[^"]*"|"reference":"urn:[^"]*"/g,
    );
    const dangling = (patientOrEncounterRefs ?? [])
      .map((match) => match.slice('"reference":"'.length, -1))
      .filter((reference) => !loaded.has(reference));

    expect(byType<Patient>(resources, 'Patient').length).toBeGreaterThan(0);
    expect(patientOrEncounterRefs?.length).toBeGreaterThan(1000);
    expect(dangling).toEqual([]);
    expect(summary.unresolvedReferences.byTargetType).not.toHaveProperty('Patient');
    expect(summary.unresolvedReferences.byTargetType).not.toHaveProperty('Encounter');
  },
);
