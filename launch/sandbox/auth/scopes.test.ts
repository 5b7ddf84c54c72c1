import { expect, test } from 'vitest';
import { effectiveScopes, grantableScopes, grantedLevel } from './scopes';

test.each([
  [['patient/Observation.rs'], 'Observation', 's', 'patient'],
  [['patient/Observation.rs'], 'Observation', 'r', 'patient'],
  [['patient/Observation.r'], 'Observation', 's', undefined],
  [['patient/Observation.read'], 'Observation', 's', 'patient'],
  [['patient/*.read'], 'Condition', 'r', 'patient'],
  [['patient/*.write'], 'Condition', 'r', undefined],
  [['patient/Observation.rs'], 'Condition', 'r', undefined],
  [['user/*.rs', 'patient/Patient.rs'], 'Patient', 'r', 'user'],
  [['patient/Observation.rs?category=laboratory'], 'Observation', 's', 'patient'],
  [['launch', 'openid'], 'Patient', 'r', undefined],
] as const)('%j allows %s %s at level %s', (scopes, type, interaction, level) => {
  expect(grantedLevel(scopes, type, interaction)).toBe(level);
});

test('unknown scopes are not granted', () => {
  expect(grantableScopes('launch openid fhirUser patient/Patient.rs admin/everything  ')).toEqual([
    'launch',
    'openid',
    'fhirUser',
    'patient/Patient.rs',
  ]);
});

test('a launch is never granted system scopes', () => {
  expect(grantableScopes('launch patient/*.rs system/*.rs system/Patient.read')).toEqual([
    'launch',
    'patient/*.rs',
  ]);
});

test('backend tokens act on system scopes only, launch tokens never on them', () => {
  const scope = 'launch patient/Observation.rs system/*.rs';
  expect(effectiveScopes(scope, true)).toEqual(['system/*.rs']);
  expect(effectiveScopes(scope, false)).toEqual(['launch', 'patient/Observation.rs']);
  expect(grantedLevel(effectiveScopes(scope, false), 'Condition', 'r')).toBeUndefined();
});
