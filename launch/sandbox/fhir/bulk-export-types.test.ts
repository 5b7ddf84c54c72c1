import { expect, test } from 'vitest';
import { indexFhirDefinitions } from './fhir-definitions';
import { exportTypes } from './bulk-export-types';

indexFhirDefinitions();

const SCOPES = [
  'system/Patient.rs',
  'system/Observation.read',
  'system/Group.rs',
  'system/Encounter.r',
];

test('without _type an export holds every type the token may read and search', () => {
  expect(exportTypes(SCOPES, undefined, false)).toEqual({
    ok: true,
    types: ['Group', 'Observation', 'Patient'],
  });
});

test('a patient-level export without _type leaves out Group and types outside the compartment', () => {
  expect(exportTypes([...SCOPES, 'system/Practitioner.rs'], undefined, true)).toEqual({
    ok: true,
    types: ['Observation', 'Patient'],
  });
});

test.each([
  [['Observations'], false, 400, 'Observations is not a FHIR R4 resource type'],
  [['Practitioner'], true, 400, 'Practitioner is outside the Patient compartment'],
  [['Group'], true, 400, 'Group is outside the Patient compartment'],
  [['Patient', 'Encounter'], false, 403, 'Scope does not allow exporting Encounter'],
  [['Condition'], false, 403, 'Scope does not allow exporting Condition'],
] as const)(
  '_type %j (patient level: %s) is refused with %i',
  (asked, patientLevel, status, text) => {
    const result = exportTypes(SCOPES, asked, patientLevel);
    expect(result).toMatchObject({
      ok: false,
      status,
      outcome: { issue: [{ diagnostics: text }] },
    });
  },
);

test('a token that allows no type cannot export', () => {
  expect(exportTypes(['system/Encounter.r'], undefined, false)).toMatchObject({
    ok: false,
    status: 403,
  });
});
