import { expect, test } from 'vitest';
import { unsupportedScopes, usesV2Scopes } from './smart-scopes';

const SANDBOX = [
  'openid',
  'fhirUser',
  'launch',
  'launch/patient',
  'patient/*.rs',
  'patient/*.read',
];

// SMART App Launch 2.2 §3.0.2 (v2 permissions) and §3.0.2.5 (v1 compatibility).
const cases: [string, string[], string, string[]][] = [
  ['exact names are offered', SANDBOX, 'launch openid fhirUser', []],
  ['a wildcard type offers each type', SANDBOX, 'patient/Observation.rs patient/Encounter.r', []],
  ['v1 read is offered by v1 read', SANDBOX, 'patient/Observation.read', []],
  ['v1 read is offered by v2 rs', ['patient/*.rs'], 'patient/Observation.read', []],
  ['v2 rs is offered by v1 read', ['patient/*.read'], 'patient/Observation.rs', []],
  ['wider v2 permissions offer narrower ones', ['patient/*.cruds'], 'patient/Condition.rs', []],
  [
    'v2 query parameters are not compared',
    ['patient/*.rs'],
    'patient/Observation.rs?category=laboratory',
    [],
  ],
  ['write is not offered by read', SANDBOX, 'patient/Observation.cu', ['patient/Observation.cu']],
  [
    'user context is not patient context',
    SANDBOX,
    'user/Practitioner.rs',
    ['user/Practitioner.rs'],
  ],
  ['an unknown scope is refused', SANDBOX, 'launch offline_access', ['offline_access']],
  [
    'one type does not offer another',
    ['patient/Patient.rs'],
    'patient/Observation.rs',
    ['patient/Observation.rs'],
  ],
];

test.each(cases)('%s', (_name, supported, requested, missing) => {
  expect(unsupportedScopes(requested, supported)).toEqual(missing);
});

test('v2 permission letters are told apart from v1 read and write', () => {
  expect(usesV2Scopes('launch openid patient/Observation.rs')).toBe(true);
  expect(usesV2Scopes('launch openid patient/Observation.read patient/*.*')).toBe(false);
});
