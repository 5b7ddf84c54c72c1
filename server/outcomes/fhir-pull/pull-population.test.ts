import { Writable } from 'node:stream';
import { exportJWK, generateKeyPair } from 'jose';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { pino, type Logger } from 'pino';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { DEFAULT_BACKEND_SCOPE } from '../../../core/tenant';
import { loadAppKeys, type AppKeys } from '../../auth/app-keys';
import { AppError } from '../../http/app-error';
import { pullPopulation, type PullOptions } from './pull-population';

const ISS = 'https://ehr.test/fhir';
const STATUS = `${ISS}/$export-status/1`;
const TOKEN = 'tok-9f8e7d';
const tenant = {
  iss: ISS,
  backendServices: {
    clientId: 'chartside-backend',
    scope: DEFAULT_BACKEND_SCOPE,
    algorithm: 'ES384' as const,
    tokenUrl: 'https://ehr.test/token',
  },
};
const since = new Date('2026-06-01T00:00:00Z');
const options: Partial<PullOptions> = {
  polling: { minDelayMs: 1, maxDelayMs: 5, deadlineMs: 2_000 },
};
const resources = [
  { resourceType: 'Patient', id: 'pat-alice', name: [{ family: 'Zebrowski' }] },
  { resourceType: 'Patient', id: 'pat-bob' },
  {
    resourceType: 'Encounter',
    id: 'e1',
    subject: { reference: 'Patient/pat-alice' },
    period: { start: '2026-07-01T00:00:00Z' },
  },
  {
    resourceType: 'Encounter',
    id: 'e2',
    subject: { reference: 'Patient/pat-bob' },
    period: { start: '2026-01-01T00:00:00Z', end: '2026-01-01T01:00:00Z' },
  },
  { resourceType: 'Condition', id: 'c1', subject: { reference: `${ISS}/Patient/pat-alice` } },
  { resourceType: 'Observation', id: 'o1', subject: { reference: 'Patient/pat-alice' } },
];
let keys: AppKeys;
const server = setupServer();
const paths: string[] = [];
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
  server.events.on('request:start', ({ request }) => {
    paths.push(`${request.method} ${new URL(request.url).pathname}`);
  });
});
afterEach(() => {
  server.resetHandlers();
  paths.length = 0;
});
afterAll(() => {
  server.close();
});

function capture(): { logger: Logger; text: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), text: () => lines.join('') };
}

const ofType = (type: string) => resources.filter((r) => r.resourceType === type);
const bundle = (list: object[]) => ({
  resourceType: 'Bundle',
  entry: list.map((resource) => ({ resource })),
});
const subjectOf = (r: object): string | undefined =>
  (r as { subject?: { reference: string } }).subject?.reference;

/** A small EHR: token endpoint, CapabilityStatement (with or without $export), search and export. */
function serveEhr(withExport: boolean): void {
  const types = ['Patient', 'Encounter', 'Condition', 'Observation', 'MedicationRequest'];
  server.use(
    http.post('https://ehr.test/token', () =>
      HttpResponse.json({
        access_token: TOKEN,
        token_type: 'Bearer',
        expires_in: 300,
        scope: 'system/*.rs',
      }),
    ),
    http.get(`${ISS}/metadata`, () =>
      HttpResponse.json({
        resourceType: 'CapabilityStatement',
        rest: [
          {
            mode: 'server',
            resource: types.map((type) => ({
              type,
              interaction: [{ code: 'read' }, { code: 'search-type' }],
            })),
            ...(withExport && {
              operation: [
                {
                  name: 'export',
                  definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export',
                },
              ],
            }),
          },
        ],
      }),
    ),
    http.get(`${ISS}/$export`, ({ request }) => {
      expect(new URL(request.url).searchParams.get('_type')).toBe(types.join(','));
      return new HttpResponse(null, { status: 202, headers: { 'content-location': STATUS } });
    }),
    http.get(STATUS, () =>
      HttpResponse.json({
        transactionTime: '2026-11-26T10:00:00Z',
        request: `${ISS}/$export`,
        requiresAccessToken: true,
        output: types.map((type) => ({ type, url: `https://ehr.test/files/${type}.ndjson` })),
        error: [],
      }),
    ),
    http.delete(STATUS, () => new HttpResponse(null, { status: 202 })),
    http.get('https://ehr.test/files/:file', ({ params }) => {
      const type = String(params.file).replace('.ndjson', '');
      return HttpResponse.text(
        ofType(type)
          .map((r) => JSON.stringify(r))
          .join('\n'),
      );
    }),
    http.get(`${ISS}/Patient/:id`, ({ params }) =>
      HttpResponse.json(resources.find((r) => r.id === params.id)),
    ),
    http.get(`${ISS}/:type`, ({ params, request }) => {
      const patient = new URL(request.url).searchParams.get('patient');
      const type = String(params.type);
      if (type === 'Encounter' && patient === null)
        return HttpResponse.json(bundle([ofType('Encounter')[0]!]));
      return HttpResponse.json(
        bundle(ofType(type).filter((r) => subjectOf(r)?.endsWith(patient ?? ''))),
      );
    }),
  );
}

test.each([
  ['bulk', true, false],
  ['search', false, false],
  ['search', true, true],
] as const)(
  'the %s pull (export offered: %s, forced search: %s) gives the same records',
  async (source, withExport, forceSearch) => {
    serveEhr(withExport);
    const { logger } = capture();
    const pulled = await pullPopulation({
      tenant,
      keys,
      since,
      logger,
      options: { ...options, forceSearch },
    });
    expect(pulled.source).toBe(source);
    expect(pulled.records.map((r) => r.patient.id)).toEqual(['pat-alice']);
    expect(pulled.records[0]?.conditions.map((c) => c.id)).toEqual(['c1']);
    expect(pulled.unavailableTypes).toEqual(['MedicationAdministration']);
    expect(pulled.counts).toEqual({
      patients: 1,
      encounters: 1,
      conditions: 1,
      observations: 1,
      medicationRequests: 0,
      medicationAdministrations: 0,
      withoutPatient: 0,
      unknownPatient: 0,
      outsideWindow: source === 'bulk' ? 1 : 0,
    });
    expect(paths.includes('GET /fhir/$export')).toBe(source === 'bulk');
  },
);

test('the log line has counts only: no token, no patient id, no name', async () => {
  serveEhr(true);
  const { logger, text } = capture();
  await pullPopulation({ tenant, keys, since, logger, options });
  const logged = text();
  expect(JSON.parse(logged)).toMatchObject({
    msg: 'population pulled',
    source: 'bulk',
    patients: 1,
    observations: 1,
  });
  for (const secret of [TOKEN, 'pat-alice', 'pat-bob', 'Zebrowski', 'e1', 'eyJ'])
    expect(logged).not.toContain(secret);
});

test('an EHR that cannot search encounters is refused with a clear error', async () => {
  server.use(
    http.post('https://ehr.test/token', () =>
      HttpResponse.json({ access_token: TOKEN, token_type: 'Bearer', expires_in: 300, scope: 's' }),
    ),
    http.get(`${ISS}/metadata`, () =>
      HttpResponse.json({
        resourceType: 'CapabilityStatement',
        rest: [
          {
            mode: 'server',
            resource: [{ type: 'Patient', interaction: [{ code: 'search-type' }] }],
          },
        ],
      }),
    ),
  );
  const error = await pullPopulation({
    tenant,
    keys,
    since,
    logger: capture().logger,
    options,
  }).then(
    () => new AppError('INTERNAL', 500, 'expected a refusal'),
    (caught: unknown) => caught as AppError,
  );
  expect(error.code).toBe('EHR_MISCONFIGURED');
  expect(error.message).toBe('The EHR does not offer Encounter search');
});
