import { expect, test } from 'vitest';
import {
  fillPrefetch,
  resolvePrefetchTemplate,
  type FhirQuery,
  type FhirQueryResult,
} from './fill-prefetch';

const context = {
  userId: 'Practitioner/dr-ada',
  patientId: 'maria-santos',
  encounterId: 'enc-1',
};

test('context tokens are replaced by the hook context values', () => {
  expect(resolvePrefetchTemplate('Patient/{{context.patientId}}', context)).toBe(
    'Patient/maria-santos',
  );
  expect(
    resolvePrefetchTemplate(
      'Observation?patient={{context.patientId}}&encounter={{ context.encounterId }}',
      context,
    ),
  ).toBe('Observation?patient=maria-santos&encounter=enc-1');
});

test('userPractitionerId is the id of a Practitioner userId', () => {
  expect(resolvePrefetchTemplate('Practitioner/{{userPractitionerId}}', context)).toBe(
    'Practitioner/dr-ada',
  );
  expect(resolvePrefetchTemplate('Practitioner/{{context.userId}}', context)).toBe(
    'Practitioner/Practitioner%2Fdr-ada',
  );
});

test('a template with a token that has no value here resolves to nothing', () => {
  const noEncounter = { userId: 'Practitioner/dr-ada', patientId: 'maria-santos' };
  expect(resolvePrefetchTemplate('Encounter/{{context.encounterId}}', noEncounter)).toBeUndefined();
  expect(resolvePrefetchTemplate('Patient/{{userPatientId}}', context)).toBeUndefined();
  expect(resolvePrefetchTemplate('Patient?_id={{today()}}', context)).toBeUndefined();
});

test('token values are encoded, and templates that leave this FHIR server are refused', () => {
  const hostile = { patientId: 'x&_id=other' };
  expect(resolvePrefetchTemplate('Condition?patient={{context.patientId}}', hostile)).toBe(
    'Condition?patient=x%26_id%3Dother',
  );
  expect(resolvePrefetchTemplate('https://evil.example/Patient', context)).toBeUndefined();
  expect(resolvePrefetchTemplate('Patient/../../admin', context)).toBeUndefined();
  expect(resolvePrefetchTemplate('/Patient/{{context.patientId}}', context)).toBeUndefined();
});

test('each key is filled with what its query returned; a read that finds nothing is null', async () => {
  const answers: Record<string, FhirQueryResult> = {
    'Patient/maria-santos': {
      status: 'ok',
      resource: { resourceType: 'Patient', id: 'maria-santos' },
    },
    'Encounter/enc-1': { status: 'not-found' },
    'Condition?patient=maria-santos': {
      status: 'ok',
      resource: { resourceType: 'Bundle', type: 'searchset', total: 0 },
    },
  };
  const asked: string[] = [];
  const query: FhirQuery = (url) => {
    asked.push(url);
    return Promise.resolve(answers[url] ?? { status: 'failed' });
  };
  const prefetch = await fillPrefetch(
    {
      patient: 'Patient/{{context.patientId}}',
      encounter: 'Encounter/{{context.encounterId}}',
      conditions: 'Condition?patient={{context.patientId}}',
    },
    context,
    query,
  );
  expect(prefetch).toEqual({
    patient: { resourceType: 'Patient', id: 'maria-santos' },
    encounter: null,
    conditions: { resourceType: 'Bundle', type: 'searchset', total: 0 },
  });
  expect(asked.sort()).toEqual(Object.keys(answers).sort());
});

test('a key whose query fails or throws, or whose token has no value, is left out', async () => {
  const query: FhirQuery = (url) =>
    url.startsWith('Observation')
      ? Promise.reject(new Error('network down'))
      : Promise.resolve({ status: 'failed' });
  const prefetch = await fillPrefetch(
    {
      labs: 'Observation?patient={{context.patientId}}',
      meds: 'MedicationRequest?patient={{context.patientId}}',
      encounter: 'Encounter/{{context.encounterId}}',
    },
    { userId: 'Practitioner/dr-ada', patientId: 'maria-santos' },
    query,
  );
  expect(prefetch).toEqual({});
});
