import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { AppError } from '../../http/app-error';
import { bulkExport, type BulkExportRequest } from './bulk-export';
import type { FhirResource } from './ndjson';

const ISS = 'https://ehr.test/fhir';
const STATUS = 'https://ehr.test/fhir/$export-status/job-1';
const server = setupServer();
const requests: {
  method: string;
  url: string;
  authorization: string | null;
  accept: string | null;
  prefer: string | null;
}[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    requests.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.get('authorization'),
      accept: request.headers.get('accept'),
      prefer: request.headers.get('prefer'),
    });
  });
});
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => {
  server.close();
});

const ndjson = (...resources: object[]): string =>
  resources.map((r) => JSON.stringify(r)).join('\n');
const manifest = (overrides: Record<string, unknown> = {}) => ({
  transactionTime: '2026-11-26T10:00:00Z',
  request: `${ISS}/$export?_type=Patient,Observation`,
  requiresAccessToken: true,
  output: [
    { type: 'Patient', url: 'https://ehr.test/files/patient-1.ndjson', count: 2 },
    { type: 'Observation', url: 'https://ehr.test/files/observation-1.ndjson', count: 1 },
  ],
  error: [],
  ...overrides,
});

/** An EHR whose export is running for `pending` polls, then done with `done`. */
function serveExport(
  options: { pending?: number; retryAfter?: string; done?: object; status?: number } = {},
): void {
  let polls = 0;
  server.use(
    http.get(
      `${ISS}/$export`,
      () => new HttpResponse(null, { status: 202, headers: { 'content-location': STATUS } }),
    ),
    http.get(STATUS, () => {
      polls += 1;
      if (polls <= (options.pending ?? 0)) {
        return new HttpResponse(null, {
          status: 202,
          headers: { 'retry-after': options.retryAfter ?? '0', 'x-progress': `${polls * 10}%` },
        });
      }
      if (options.status !== undefined)
        return HttpResponse.json({ resourceType: 'OperationOutcome' }, { status: options.status });
      return HttpResponse.json(options.done ?? manifest());
    }),
    http.delete(STATUS, () => new HttpResponse(null, { status: 202 })),
    http.get('https://ehr.test/files/patient-1.ndjson', () =>
      HttpResponse.text(
        `${ndjson({ resourceType: 'Patient', id: 'p1' }, { resourceType: 'Patient', id: 'p2' })}\n`,
      ),
    ),
    http.get('https://ehr.test/files/observation-1.ndjson', () =>
      HttpResponse.text(
        ndjson({ resourceType: 'Observation', id: 'o1', subject: { reference: 'Patient/p1' } }),
      ),
    ),
  );
}

function exportRequest(overrides: Partial<BulkExportRequest> = {}): BulkExportRequest {
  return {
    iss: ISS,
    types: ['Patient', 'Observation'],
    accessToken: () => Promise.resolve('secret-token'),
    http: { fetch, timeoutMs: 5_000 },
    polling: { minDelayMs: 1, maxDelayMs: 20, deadlineMs: 2_000 },
    ...overrides,
  };
}

async function run(request: BulkExportRequest = exportRequest()): Promise<FhirResource[]> {
  const resources: FhirResource[] = [];
  for await (const resource of bulkExport(request)) resources.push(resource);
  return resources;
}

async function failure(request?: BulkExportRequest): Promise<AppError> {
  return run(request).then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as AppError,
  );
}

test('kick-off, polling, downloads and the final DELETE follow Bulk Data 2.0.0', async () => {
  serveExport({ pending: 2 });
  const resources = await run(exportRequest({ since: new Date('2026-01-01T00:00:00Z') }));
  expect(resources.map((r) => `${r.resourceType}/${r.id}`)).toEqual([
    'Patient/p1',
    'Patient/p2',
    'Observation/o1',
  ]);
  expect(requests.map((r) => `${r.method} ${decodeURIComponent(r.url)}`)).toEqual([
    `GET ${ISS}/$export?_type=Patient,Observation&_since=2026-01-01T00:00:00.000Z`,
    `GET ${STATUS}`,
    `GET ${STATUS}`,
    `GET ${STATUS}`,
    'GET https://ehr.test/files/patient-1.ndjson',
    'GET https://ehr.test/files/observation-1.ndjson',
    `DELETE ${STATUS}`,
  ]);
  expect(requests[0]).toMatchObject({ accept: 'application/fhir+json', prefer: 'respond-async' });
  expect(requests[4]?.accept).toBe('application/fhir+ndjson');
  for (const request of requests) expect(request.authorization).toBe('Bearer secret-token');
});

test('output files get no token when the manifest does not require one', async () => {
  serveExport({ done: manifest({ requiresAccessToken: false }) });
  await run();
  const downloads = requests.filter((r) => r.url.includes('/files/'));
  expect(downloads).toHaveLength(2);
  for (const download of downloads) expect(download.authorization).toBeNull();
});

test('Retry-After is honoured, clamped to the configured maximum', async () => {
  serveExport({ pending: 2, retryAfter: '3600' });
  const started = performance.now();
  await run(exportRequest({ polling: { minDelayMs: 1, maxDelayMs: 150, deadlineMs: 5_000 } }));
  // Two waits of 150 ms (not an hour, not zero).
  expect(performance.now() - started).toBeGreaterThanOrEqual(290);
});

test('an export that outlives the deadline times out and is cancelled with DELETE', async () => {
  serveExport({ pending: 1_000, retryAfter: '1' });
  const error = await failure(
    exportRequest({ polling: { minDelayMs: 1, maxDelayMs: 50, deadlineMs: 120 } }),
  );
  expect(error.code).toBe('BULK_EXPORT_TIMEOUT');
  expect(error.message).toBe('The export did not finish within 1 s');
  expect(requests.at(-1)?.method).toBe('DELETE');
});

test('a status URL on another origin is refused and never called', async () => {
  server.use(
    http.get(
      `${ISS}/$export`,
      () =>
        new HttpResponse(null, {
          status: 202,
          headers: { 'content-location': 'https://evil.test/status/1' },
        }),
    ),
  );
  const error = await failure();
  expect(error.code).toBe('BULK_OUTPUT_OFF_ORIGIN');
  expect(error.message).toBe(
    'The EHR returned a link to https://evil.test, outside its FHIR server https://ehr.test: no request was made',
  );
  expect(requests.map((r) => r.url)).toEqual([expect.stringContaining(`${ISS}/$export`)]);
});

test.each([
  ['another host', 'https://files.evil.test/patient.ndjson'],
  ['another port', 'https://ehr.test:8443/files/patient.ndjson'],
  ['plain http', 'http://ehr.test/files/patient.ndjson'],
])(
  'an output file on %s is refused before any download, and the export is still deleted',
  async (_name, url) => {
    serveExport({
      done: manifest({
        output: [
          { type: 'Patient', url: 'https://ehr.test/files/patient-1.ndjson' },
          { type: 'Patient', url },
        ],
      }),
    });
    const error = await failure();
    expect(error.code).toBe('BULK_OUTPUT_OFF_ORIGIN');
    expect(requests.some((r) => r.url.includes('/files/'))).toBe(false);
    expect(requests.at(-1)?.method).toBe('DELETE');
  },
);

const BUCKET = 'https://exports.storage.test';
/** An export whose files are pre-signed links on a cloud bucket. */
function serveFromBucket(requiresAccessToken: boolean): void {
  serveExport({
    done: manifest({
      requiresAccessToken,
      output: [{ type: 'Patient', url: `${BUCKET}/job-1/patient.ndjson?sig=abc` }],
      error: [{ type: 'OperationOutcome', url: `${BUCKET}/job-1/messages.ndjson?sig=def` }],
    }),
  });
  server.use(
    http.get(`${BUCKET}/job-1/patient.ndjson`, () =>
      HttpResponse.text(ndjson({ resourceType: 'Patient', id: 'p1' })),
    ),
    http.get(`${BUCKET}/job-1/messages.ndjson`, () =>
      HttpResponse.text(ndjson(outcome('information', 'done'))),
    ),
  );
}

test('files on a host the admin listed are fetched, and never with our token', async () => {
  serveFromBucket(false);
  const resources = await run(exportRequest({ fileOrigins: ['https://EXPORTS.storage.test:443'] }));
  expect(resources.map((r) => r.id)).toEqual(['p1']);
  const fromBucket = requests.filter((r) => r.url.startsWith(BUCKET));
  expect(fromBucket).toHaveLength(2);
  expect(fromBucket.map((r) => r.authorization)).toEqual([null, null]);
});

test('a listed host is refused when the export wants our token sent there', async () => {
  serveFromBucket(true);
  const error = await failure(exportRequest({ fileOrigins: [BUCKET] }));
  expect(error.code).toBe('BULK_OUTPUT_OFF_ORIGIN');
  expect(error.message).toBe(
    `The export's files on ${BUCKET} require our access token, which is never sent outside the FHIR server https://ehr.test: no request was made`,
  );
  expect(requests.some((r) => r.url.startsWith(BUCKET))).toBe(false);
  expect(requests.at(-1)?.method).toBe('DELETE');
});

test('an unlisted host, or a listed one over plain http, is refused before any file is fetched', async () => {
  serveFromBucket(false);
  expect((await failure()).code).toBe('BULK_OUTPUT_OFF_ORIGIN');
  expect((await failure(exportRequest({ fileOrigins: ['https://other.test'] }))).code).toBe(
    'BULK_OUTPUT_OFF_ORIGIN',
  );
  expect(requests.some((r) => r.url.startsWith(BUCKET))).toBe(false);
  server.resetHandlers();
  serveExport({
    done: manifest({
      requiresAccessToken: false,
      output: [{ type: 'Patient', url: 'http://exports.storage.test/p.ndjson' }],
    }),
  });
  expect((await failure(exportRequest({ fileOrigins: [BUCKET] }))).code).toBe(
    'BULK_OUTPUT_OFF_ORIGIN',
  );
  expect(requests.some((r) => r.url.includes('exports.storage.test'))).toBe(false);
});

test('a relative status URL is resolved against the FHIR base', async () => {
  serveExport();
  server.use(
    http.get(
      `${ISS}/$export`,
      () =>
        new HttpResponse(null, {
          status: 202,
          headers: { 'content-location': '$export-status/job-1' },
        }),
    ),
  );
  expect(await run()).toHaveLength(3);
});

test('a refused kick-off and a failed export are BULK_EXPORT_FAILED', async () => {
  server.use(
    http.get(`${ISS}/$export`, () =>
      HttpResponse.json({ resourceType: 'OperationOutcome' }, { status: 400 }),
    ),
  );
  const refused = await failure();
  expect(refused.code).toBe('BULK_EXPORT_FAILED');
  expect(refused.message).toBe('The EHR refused the $export request (HTTP 400)');
  server.resetHandlers();
  serveExport({ pending: 1, status: 500 });
  const failed = await failure();
  expect(failed.code).toBe('BULK_EXPORT_FAILED');
  expect(failed.message).toBe('The export failed on the EHR (HTTP 500)');
  expect(requests.at(-1)?.method).toBe('DELETE');
});

const MESSAGES = 'https://ehr.test/files/messages-1.ndjson';
/** An export whose manifest lists one message file holding `outcomes`. */
function serveMessages(...outcomes: object[]): void {
  serveExport({
    done: manifest({ error: [{ type: 'OperationOutcome', url: MESSAGES }] }),
  });
  server.use(http.get(MESSAGES, () => HttpResponse.text(ndjson(...outcomes))));
}
const outcome = (severity: string, text: string) => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity, code: 'informational', details: { text } }],
});

test('warning and information messages are counted, never quoted, and the export goes on', async () => {
  serveMessages(
    outcome('warning', '_typeFilter ignored (lenient handling)'),
    outcome('information', 'Patient Jane Doe had no encounters'),
    outcome('information', 'Export took 3 s'),
  );
  const reported: unknown[] = [];
  const resources = await run(exportRequest({ onMessages: (counts) => reported.push(counts) }));
  expect(resources).toHaveLength(3);
  expect(reported).toEqual([{ fatal: 0, error: 0, warning: 1, information: 2 }]);
  const read = requests.find((r) => r.url === MESSAGES);
  expect(read?.authorization).toBe('Bearer secret-token');
});

test.each([
  ['an error', [outcome('error', 'Observation for Patient Jane Doe could not be exported')]],
  ['a fatal issue', [outcome('information', 'ok'), outcome('fatal', 'Out of memory')]],
  ['an issue without a severity', [{ resourceType: 'OperationOutcome', issue: [{}] }]],
])('%s in a message file fails the export before any output is downloaded', async (_l, found) => {
  serveMessages(...found);
  const error = await failure();
  expect(error.code).toBe('BULK_EXPORT_FAILED');
  expect(error.message).toBe('The export reported 1 error(s) in its message files');
  expect(requests.map((r) => r.url)).not.toContain('https://ehr.test/files/patient-1.ndjson');
  expect(requests.at(-1)?.method).toBe('DELETE');
});

test('a message file on another origin is refused and never called', async () => {
  serveExport({
    done: manifest({
      error: [{ type: 'OperationOutcome', url: 'https://files.elsewhere.test/messages.ndjson' }],
    }),
  });
  expect((await failure()).code).toBe('BULK_OUTPUT_OFF_ORIGIN');
  expect(requests.map((r) => r.url)).not.toContain('https://files.elsewhere.test/messages.ndjson');
});

test('a manifest with unrequested types or a bad shape fails the export', async () => {
  serveExport({
    done: manifest({ output: [{ type: 'Claim', url: 'https://ehr.test/files/c.ndjson' }] }),
  });
  expect((await failure()).message).toBe(
    'The export returned Claim resources, which were not requested',
  );
  server.resetHandlers();
  serveExport({ done: { output: [] } });
  expect((await failure()).message).toBe('The export manifest is not a Bulk Data manifest');
});

test('a bad line in an output file fails the export with the file and line', async () => {
  serveExport();
  server.use(
    http.get('https://ehr.test/files/observation-1.ndjson', () =>
      HttpResponse.text(
        `${ndjson({ resourceType: 'Observation', id: 'o1' })}\n{"resourceType":"Patient","id":"x"}\n`,
      ),
    ),
  );
  const error = await failure();
  expect(error.code).toBe('BULK_OUTPUT_INVALID');
  expect(error.message).toBe(
    'Output file 2 (Observation), line 2: not a FHIR Observation resource with an id',
  );
  expect(requests.at(-1)?.method).toBe('DELETE');
});

test('a file that stops arriving is cut off at the export deadline', async () => {
  serveExport();
  server.use(
    http.get(
      'https://ehr.test/files/observation-1.ndjson',
      () =>
        new HttpResponse(
          new ReadableStream<Uint8Array>({
            start(controller) {
              // One line, then nothing more, ever.
              controller.enqueue(
                new TextEncoder().encode(`${ndjson({ resourceType: 'Observation', id: 'o1' })}\n`),
              );
            },
          }),
        ),
    ),
  );
  const error = await failure(
    exportRequest({ polling: { minDelayMs: 1, maxDelayMs: 5, deadlineMs: 300 } }),
  );
  expect(error.code).toBe('BULK_EXPORT_TIMEOUT');
  expect(requests.at(-1)?.method).toBe('DELETE');
});

test('a file that cannot be downloaded fails the export', async () => {
  serveExport();
  server.use(
    http.get('https://ehr.test/files/observation-1.ndjson', () =>
      HttpResponse.json({ resourceType: 'OperationOutcome' }, { status: 404 }),
    ),
  );
  const error = await failure();
  expect(error.code).toBe('BULK_EXPORT_FAILED');
  expect(error.message).toBe('Output file 2 (Observation) could not be downloaded (HTTP 404)');
});
