import { MemoryRepository } from '@medplum/fhir-router';
import type { Observation, Resource } from 'fhir/r4';
import { beforeAll, expect, test } from 'vitest';
import { takeSnapshot, type SnapshotRequest } from './bulk-export-snapshot';

const repo = new MemoryRepository();
const OLD = '2026-01-01T00:00:00.000Z';
const NEW = '2026-06-01T00:00:00.000Z';

beforeAll(async () => {
  const resources: Resource[] = [
    { resourceType: 'Patient', id: 'p1', meta: { lastUpdated: OLD } },
    { resourceType: 'Patient', id: 'p2', meta: { lastUpdated: NEW } },
    { resourceType: 'Practitioner', id: 'dr', meta: { lastUpdated: OLD } },
  ];
  for (let i = 0; i < 7; i += 1) {
    const observation: Observation = {
      resourceType: 'Observation',
      id: `o${i}`,
      status: 'final',
      code: { text: 'probe' },
      meta: { lastUpdated: i < 4 ? OLD : NEW },
      // o6 belongs to no patient: a system export has it, a patient-level one does not.
      ...(i < 6 && { subject: { reference: `Patient/${i % 2 === 0 ? 'p1' : 'p2'}` } }),
    };
    resources.push(observation);
  }
  for (const resource of resources) {
    await repo.createResource(resource as Parameters<MemoryRepository['createResource']>[0]);
  }
});

const snap = (request: Partial<SnapshotRequest>) =>
  takeSnapshot(repo, {
    types: ['Patient', 'Observation', 'Practitioner'],
    patients: { kind: 'none' },
    fileLimit: 1000,
    ...request,
  });

const ids = (ndjson: string): string[] =>
  ndjson
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as Resource).id ?? '');

test('files are split by type at the file limit, one resource per line', async () => {
  const { files } = await snap({ fileLimit: 3 });
  expect(files.map(({ type, part, count }) => [type, part, count])).toEqual([
    ['Patient', 1, 2],
    ['Observation', 1, 3],
    ['Observation', 2, 3],
    ['Observation', 3, 1],
    ['Practitioner', 1, 1],
  ]);
  const observations = files.filter((f) => f.type === 'Observation').flatMap((f) => ids(f.ndjson));
  expect(observations.sort()).toEqual(['o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
  for (const file of files) expect(file.ndjson.endsWith('}\n')).toBe(true);
});

test('_since keeps resources updated at or after it', async () => {
  const { files } = await snap({ since: Date.parse(NEW) });
  expect(files.map((f) => [f.type, ids(f.ndjson)])).toEqual([
    ['Patient', ['p2']],
    ['Observation', ['o4', 'o5', 'o6']],
  ]);
});

test('a patient-level export leaves out resources tied to no patient', async () => {
  const { files } = await snap({ types: ['Observation'], patients: { kind: 'all-patients' } });
  expect(ids(files[0]!.ndjson)).not.toContain('o6');
  expect(files[0]!.count).toBe(6);
});

test('a group export holds its members and their resources only', async () => {
  const { files } = await snap({
    types: ['Patient', 'Observation'],
    patients: { kind: 'members', patientIds: new Set(['p2']) },
  });
  expect(files.map((f) => [f.type, ids(f.ndjson)])).toEqual([
    ['Patient', ['p2']],
    ['Observation', ['o1', 'o3', 'o5']],
  ]);
});

test('transactionTime is taken before reading, and a cancelled snapshot stops', async () => {
  const before = Date.now();
  const { transactionTime, files } = await snap({ types: ['Patient', 'Observation'] });
  expect(Date.parse(transactionTime)).toBeGreaterThanOrEqual(before);
  expect(files.length).toBe(2);
  expect(
    (
      await takeSnapshot(
        repo,
        { types: ['Patient'], patients: { kind: 'none' }, fileLimit: 5 },
        () => true,
      )
    ).files,
  ).toEqual([]);
});
