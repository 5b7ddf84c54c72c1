import { validateResource } from '@medplum/core';
import { expect, test } from 'vitest';
import { buildCapabilityStatement } from './capability-statement';
import { indexFhirDefinitions } from './fhir-definitions';

indexFhirDefinitions();
const statement = buildCapabilityStatement('http://localhost:4000/fhir');
const BULK = 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition';

test('the CapabilityStatement is valid FHIR R4', () => {
  expect(() => validateResource(statement as Parameters<typeof validateResource>[0])).not.toThrow();
});

test('it declares $export at system, Patient and Group level (Bulk Data Access IG 2.0.0)', () => {
  const rest = statement.rest?.[0];
  const operations = (type: string) => rest?.resource?.find((r) => r.type === type)?.operation;
  expect(rest?.operation).toEqual([{ name: 'export', definition: `${BULK}/export` }]);
  expect(operations('Patient')).toEqual([{ name: 'export', definition: `${BULK}/patient-export` }]);
  expect(operations('Group')).toEqual([{ name: 'export', definition: `${BULK}/group-export` }]);
  expect(
    rest?.resource?.find((r) => r.type === 'Group')?.interaction?.map((i) => i.code),
  ).toContain('search-type');
});
