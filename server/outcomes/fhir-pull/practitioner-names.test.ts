import { exportJWK, generateKeyPair } from 'jose';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { DEFAULT_BACKEND_SCOPE } from '../../../core/tenant';
import { loadAppKeys, type AppKeys } from '../../auth/app-keys';
import { displayName, readPractitionerNames } from './practitioner-names';

const ISS = 'https://ehr.test/fhir';
const tenant = {
  iss: ISS,
  backendServices: {
    clientId: 'chartside-backend',
    scope: DEFAULT_BACKEND_SCOPE,
    algorithm: 'ES384' as const,
    tokenUrl: 'https://ehr.test/token',
  },
};
let keys: AppKeys;
const server = setupServer();
const read: string[] = [];
beforeAll(async () => {
  const jwk = async (alg: string) => {
    const { privateKey } = await generateKeyPair(alg, { extractable: true });
    return JSON.stringify({ ...(await exportJWK(privateKey)), kid: alg });
  };
  keys = await loadAppKeys({
    dataDir: '/nonexistent',
    privateJwk: await jwk('ES256'),
    clientAssertionJwks: { ES384: await jwk('ES384') },
  });
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
  read.length = 0;
});
afterAll(() => {
  server.close();
});

const token = http.post('https://ehr.test/token', () =>
  HttpResponse.json({
    access_token: 'tok',
    token_type: 'bearer',
    expires_in: 300,
    scope: DEFAULT_BACKEND_SCOPE,
  }),
);

test('names come from the Practitioner resources; refusals and oddities leave a clinician unnamed', async () => {
  server.use(
    token,
    http.get(`${ISS}/Practitioner/:id`, ({ params, request }) => {
      read.push(String(params.id));
      expect(request.headers.get('authorization')).toBe('Bearer tok');
      if (params.id === 'dr-a')
        return HttpResponse.json({
          resourceType: 'Practitioner',
          id: 'dr-a',
          name: [
            { use: 'usual', given: ['Mo'] },
            { use: 'official', given: ['Amara'], family: 'Osei' },
          ],
        });
      // Another resource than the one asked for is not believed.
      if (params.id === 'dr-b')
        return HttpResponse.json({
          resourceType: 'Practitioner',
          id: 'dr-x',
          name: [{ family: 'X' }],
        });
      return new HttpResponse(null, { status: 403 });
    }),
  );
  const names = await readPractitionerNames({
    tenant,
    keys,
    practitionerIds: ['dr-a', 'dr-b', 'dr-c', 'dr-a', '../Patient/p1'],
  });
  expect([...names]).toEqual([['dr-a', 'Amara Osei']]);
  // Each id once, and never a path that is not a FHIR id.
  expect(read).toEqual(['dr-a', 'dr-b', 'dr-c']);
});

test('an EHR whose token endpoint refuses gives no names and no error', async () => {
  server.use(
    http.post('https://ehr.test/token', () =>
      HttpResponse.json({ error: 'invalid_client' }, { status: 401 }),
    ),
  );
  expect(await readPractitionerNames({ tenant, keys, practitionerIds: ['dr-a'] })).toEqual(
    new Map(),
  );
});

test('a display name is given names then family, or the text', () => {
  expect(displayName([{ given: [' Lena '], family: 'Kowalski' }])).toBe('Lena Kowalski');
  expect(displayName([{ text: 'Dr Reed' }])).toBe('Dr Reed');
  expect(displayName([])).toBeUndefined();
});
