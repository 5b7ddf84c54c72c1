import { parseSearchRequest } from '@medplum/core';
import { MemoryRepository } from '@medplum/fhir-router';
import { beforeAll, expect, test, vi } from 'vitest';
import { indexFhirDefinitions } from './fhir-definitions';
import { generatePanel } from '../panel/generate-panel';
import { PatientIndexedRepository } from './patient-indexed-repository';

type Created = Parameters<MemoryRepository['createResource']>[0];

const { resources } = generatePanel({
  now: new Date('2026-11-26T15:30:00Z'),
  seed: 3,
  patientsPerClinician: 12,
});
const plain = new MemoryRepository();
const indexed = new PatientIndexedRepository();

beforeAll(async () => {
  indexFhirDefinitions();
  for (const r of resources) {
    await plain.createResource(r as Created);
    await indexed.createResource(r as Created);
  }
});

async function both(query: string): Promise<{ plain: unknown; indexed: unknown }> {
  const answer = async (repo: MemoryRepository) => {
    const bundle = await repo.search(parseSearchRequest(query));
    return { total: bundle.total, ids: (bundle.entry ?? []).map((e) => e.resource?.id) };
  };
  return { plain: await answer(plain), indexed: await answer(indexed) };
}

test.each([
  'Observation?subject=Patient/panel-0005',
  'Observation?subject=Patient/panel-0005&category=laboratory',
  'Observation?subject=Patient/panel-0005&code=http://loinc.org|2524-7',
  'Observation?subject=Patient/panel-0001&date=ge2026-06-01&_count=2&_offset=1',
  'Condition?subject=Patient/panel-0004',
  'Encounter?subject=Patient/panel-0003&class=IMP',
  'MedicationRequest?subject=Patient/panel-0009&status=active',
  'MedicationAdministration?subject=Patient/panel-0005',
  'Observation?subject=Patient/nobody',
  'Observation?subject=Patient/panel-0001,Patient/panel-0002',
  'Observation?category=vital-signs&_count=5',
  'Observation?subject=Patient/panel-0001&_sort=-date&_count=3',
])('%s answers exactly as the plain repository does', async (query) => {
  const { plain: expected, indexed: actual } = await both(query);
  expect(actual).toEqual(expected);
  expect(
    (expected as { total: number }).total,
    'the query should match something or be a miss on purpose',
  ).toBeGreaterThanOrEqual(query.includes('nobody') ? 0 : 1);
});

test('updates and deletes move resources in and out of the index', async () => {
  const repo = new PatientIndexedRepository();
  const created = await repo.createResource({
    resourceType: 'Observation',
    status: 'final',
    code: { text: 'x' },
    subject: { reference: 'Patient/a' },
  });
  const ids = async (subject: string) =>
    ((await repo.search(parseSearchRequest(`Observation?subject=${subject}`))).entry ?? []).map(
      (e) => e.resource?.id,
    );
  expect(await ids('Patient/a')).toEqual([created.id]);
  await repo.updateResource({ ...created, subject: { reference: 'Patient/b' } });
  expect(await ids('Patient/a')).toEqual([]);
  expect(await ids('Patient/b')).toEqual([created.id]);
  await repo.deleteResource('Observation', created.id);
  expect(await ids('Patient/b')).toEqual([]);
});

test('a search on one subject reads the index instead of scanning the type', async () => {
  const scan = vi.spyOn(MemoryRepository.prototype, 'search');
  await indexed.search(parseSearchRequest('Observation?subject=Patient/panel-0005'));
  expect(scan).not.toHaveBeenCalled();
  await indexed.search(parseSearchRequest('Observation?category=laboratory'));
  expect(scan).toHaveBeenCalledTimes(1);
  scan.mockRestore();
});
