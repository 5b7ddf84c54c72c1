import { expect, test } from 'vitest';
import type { FhirResource } from './ndjson';
import { patientIdOf, PopulationGrouper } from './group-by-patient';

const since = new Date('2026-06-01T00:00:00Z');
const patient = (id: string): FhirResource => ({ resourceType: 'Patient', id });
const encounter = (id: string, reference: string, period: object): FhirResource => ({
  resourceType: 'Encounter',
  id,
  subject: { reference },
  period,
});
const recent = { start: '2026-07-01T08:00:00Z', end: '2026-07-01T09:00:00Z' };
const of = (type: string, id: string, reference: string): FhirResource => ({
  resourceType: type,
  id,
  subject: { reference },
});

test.each([
  ['Patient/p1', 'p1'],
  ['https://ehr.test/fhir/Patient/p1', 'p1'],
  ['Patient/a-b.c', 'a-b.c'],
  ['Group/g1', undefined],
  ['Patient/', undefined],
  ['Patient/p1/_history/2', undefined],
  ['#contained', undefined],
])('the reference %s belongs to patient %s', (reference, expected) => {
  expect(patientIdOf(of('Observation', 'o', reference))).toBe(expected);
});

test('a MedicationRequest-like `patient` element and a Patient itself are recognised', () => {
  expect(
    patientIdOf({ resourceType: 'Account', id: 'a', patient: { reference: 'Patient/p9' } }),
  ).toBe('p9');
  expect(patientIdOf(patient('p3'))).toBe('p3');
});

test('resources are grouped into one record per patient with every type in its place', () => {
  const grouper = new PopulationGrouper();
  for (const resource of [
    of('Observation', 'o1', 'Patient/p1'),
    patient('p1'),
    encounter('e1', 'https://ehr.test/fhir/Patient/p1', recent),
    of('Condition', 'c1', 'Patient/p1'),
    of('MedicationRequest', 'm1', 'Patient/p1'),
    of('MedicationAdministration', 'a1', 'Patient/p1'),
    patient('p2'),
    encounter('e2', 'Patient/p2', { start: '2026-08-01T00:00:00Z' }),
  ]) {
    grouper.add(resource);
  }
  const { records, counts } = grouper.finish(since);
  expect(records.map((r) => r.patient.id)).toEqual(['p1', 'p2']);
  const p1 = records[0]!;
  expect(
    [
      p1.encounters,
      p1.conditions,
      p1.observations,
      p1.medicationRequests,
      p1.medicationAdministrations,
    ].map((list) => list.map((r) => r.id)),
  ).toEqual([['e1'], ['c1'], ['o1'], ['m1'], ['a1']]);
  expect(counts).toEqual({
    patients: 2,
    encounters: 2,
    conditions: 1,
    observations: 1,
    medicationRequests: 1,
    medicationAdministrations: 1,
    withoutPatient: 0,
    unknownPatient: 0,
    outsideWindow: 0,
  });
});

test('resources without a patient, or whose patient was not read, are dropped and counted', () => {
  const grouper = new PopulationGrouper();
  grouper.add(patient('p1'));
  grouper.add(encounter('e1', 'Patient/p1', recent));
  grouper.add({ resourceType: 'Observation', id: 'o1' });
  grouper.add(of('Observation', 'o2', 'Group/g1'));
  grouper.add(of('Observation', 'o3', 'Patient/ghost'));
  grouper.add(encounter('e3', 'Patient/ghost', recent));
  const { records, counts } = grouper.finish(since);
  expect(records).toHaveLength(1);
  expect(counts).toMatchObject({
    patients: 1,
    observations: 0,
    withoutPatient: 2,
    unknownPatient: 2,
  });
});

test('only patients with an encounter reaching `since` are kept (date=ge semantics on the period)', () => {
  const grouper = new PopulationGrouper();
  const cases: [string, object][] = [
    ['ended-before', { start: '2026-05-01T00:00:00Z', end: '2026-05-02T00:00:00Z' }],
    ['spans-since', { start: '2026-05-30T00:00:00Z', end: '2026-06-02T00:00:00Z' }],
    ['still-open', { start: '2026-01-01T00:00:00Z' }],
    ['ends-exactly', { start: '2026-05-31T00:00:00Z', end: '2026-06-01T00:00:00Z' }],
    ['no-period', {}],
  ];
  for (const [id, period] of cases) {
    grouper.add(patient(id));
    grouper.add(encounter(`e-${id}`, `Patient/${id}`, period));
  }
  grouper.add(patient('no-encounter'));
  const { records, counts } = grouper.finish(since);
  expect(records.map((r) => r.patient.id).sort()).toEqual([
    'ends-exactly',
    'spans-since',
    'still-open',
  ]);
  expect(counts.outsideWindow).toBe(3);
});

test('the same resource read twice is kept once', () => {
  const grouper = new PopulationGrouper();
  grouper.add(patient('p1'));
  grouper.add(encounter('e1', 'Patient/p1', recent));
  grouper.add(encounter('e1', 'Patient/p1', recent));
  grouper.add(patient('p1'));
  expect(grouper.finish(since).counts).toMatchObject({ patients: 1, encounters: 1 });
});
