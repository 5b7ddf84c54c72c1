import { expect, test } from 'vitest';
import { loadSandboxConfig } from '../sandbox-config';
import {
  backendClientsEnvSchema,
  DEFAULT_BACKEND_CLIENT_SCOPE,
  grantBackendScopes,
} from './backend-clients';

const ALLOWED = 'system/Patient.rs system/Observation.rs system/Group.r';

test.each([
  [['system/Patient.rs'], ['system/Patient.rs']],
  [['system/Patient.cruds'], ['system/Patient.rs']],
  [['system/Patient.read'], ['system/Patient.rs']],
  [['system/Patient.write'], []],
  [['system/Patient.s'], ['system/Patient.s']],
  [['system/Group.rs'], ['system/Group.r']],
  [['system/Encounter.rs'], []],
  [['system/*.rs'], ['system/Patient.rs', 'system/Observation.rs', 'system/Group.r']],
  [['system/*.s'], ['system/Patient.s', 'system/Observation.s']],
  [['system/Observation.rs?category=laboratory'], []],
  [['patient/Observation.rs', 'user/*.rs', 'launch'], []],
  [['system/Patient.rs', 'system/Patient.read'], ['system/Patient.rs']],
] as const)(
  'asking %j of a client allowed Patient, Observation and Group.r grants %j',
  (asked, granted) => {
    expect(grantBackendScopes(asked, ALLOWED)).toEqual(granted);
  },
);

test('a wildcard registration grants the requested types', () => {
  expect(grantBackendScopes(['system/Encounter.rs'], 'system/*.read')).toEqual([
    'system/Encounter.rs',
  ]);
});

test('the default backend client is the app, keyed by the JWKS it publishes', () => {
  const config = loadSandboxConfig({ PUBLIC_URL: 'https://app.example.org/' });
  expect(config.backendClients).toEqual([
    {
      clientId: 'chartside-backend',
      jwksUri: 'https://app.example.org/.well-known/jwks.json',
      scope: DEFAULT_BACKEND_CLIENT_SCOPE,
    },
  ]);
  expect(config.exportDelayMs).toBe(250);
  expect(config.exportFileLimit).toBe(5000);
});

test('SANDBOX_BACKEND_CLIENTS registers clients by JWKS URL or inline JWKS', () => {
  const clients = [
    { clientId: 'a', jwksUri: 'http://localhost:9/jwks.json', scope: 'system/Patient.rs' },
    { clientId: 'b', jwks: { keys: [{ kty: 'EC', kid: 'k1' }] }, scope: 'system/*.read' },
  ];
  const config = loadSandboxConfig({ SANDBOX_BACKEND_CLIENTS: JSON.stringify(clients) });
  expect(config.backendClients).toEqual(clients);
});

test.each([
  ['not JSON', '[{', /must be a JSON array of backend clients/],
  ['no keys', [{ clientId: 'a', scope: 'system/Patient.rs' }], /exactly one of jwksUri or jwks/],
  [
    'both kinds of keys',
    [
      {
        clientId: 'a',
        jwksUri: 'http://localhost:9/jwks.json',
        jwks: { keys: [{ kty: 'EC', kid: 'k' }] },
        scope: 'system/Patient.rs',
      },
    ],
    /exactly one of jwksUri or jwks/,
  ],
  [
    'a patient scope',
    [{ clientId: 'a', jwksUri: 'http://localhost:9/j', scope: 'patient/Patient.rs' }],
    /system\/<Type>/,
  ],
  [
    'a key without kid',
    [{ clientId: 'a', jwks: { keys: [{ kty: 'EC' }] }, scope: 'system/Patient.rs' }],
    /kid/,
  ],
  [
    'a repeated client id',
    [
      { clientId: 'a', jwksUri: 'http://localhost:9/j', scope: 'system/Patient.rs' },
      { clientId: 'a', jwksUri: 'http://localhost:9/k', scope: 'system/Patient.rs' },
    ],
    /distinct/,
  ],
  [
    'a file: JWKS URL',
    [{ clientId: 'a', jwksUri: 'file:///etc/keys.json', scope: 'system/Patient.rs' }],
    /jwksUri/,
  ],
] as const)('SANDBOX_BACKEND_CLIENTS with %s is refused', (_name, value, message) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  expect(backendClientsEnvSchema.safeParse(text).success).toBe(false);
  expect(() => loadSandboxConfig({ SANDBOX_BACKEND_CLIENTS: text })).toThrow(message);
});
