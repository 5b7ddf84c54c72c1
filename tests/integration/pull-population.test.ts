import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from '../../launch/sandbox/sandbox-app';
import { loadSandboxConfig } from '../../launch/sandbox/sandbox-config';
import type { PatientRecord } from '../../core/measures/measure';
import { DEFAULT_BACKEND_SCOPE } from '../../core/tenant';
import { loadAppKeys, type AppKeys } from '../../server/auth/app-keys';
import {
  pullPopulation,
  type PulledPopulation,
} from '../../server/outcomes/fhir-pull/pull-population';

let dataDir: string;
let keys: AppKeys;
let sandbox: Sandbox;
const servers: Server[] = [];
/** Every bearer token our client sent, as the EHR saw it. */
const tokensSent = new Set<string>();
const logLines: string[] = [];
let logger: Logger;
let bulk: PulledPopulation;
let search: PulledPopulation;
/** A month back: the sandbox panel has patients seen since and patients seen only before. */
const since = new Date(Date.now() - 30 * 24 * 3600_000);

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

/** fetch, noting each bearer token it carries (to prove none reaches a log). */
const recordingFetch: typeof fetch = (input, init) => {
  const authorization = new Headers(init?.headers).get('authorization');
  if (authorization !== null) tokensSent.add(authorization.replace(/^Bearer /, ''));
  return fetch(input, init);
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'chartside-pull-'));
  keys = await loadAppKeys({ dataDir });
  const appUrl = await listen(
    createServer((req, res) => {
      if (req.url !== '/.well-known/jwks.json') res.writeHead(404).end();
      else
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(keys.jwks));
    }),
  );
  const sandboxServer = createServer();
  const sandboxUrl = await listen(sandboxServer);
  sandbox = await createSandbox(
    loadSandboxConfig({
      SANDBOX_PUBLIC_URL: sandboxUrl,
      PUBLIC_URL: appUrl,
      DATA_DIR: dataDir,
      SANDBOX_PANEL_SIZE: '10',
      SANDBOX_EXPORT_DELAY_MS: '100',
      // Several files per type, so the reader follows more than one output of a kind.
      SANDBOX_EXPORT_FILE_LIMIT: '50',
    }),
  );
  sandboxServer.on('request', sandbox.app);
  logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  );
  const tenant = {
    iss: sandbox.urls.fhirBaseUrl,
    backendServices: {
      clientId: 'chartside-backend',
      scope: DEFAULT_BACKEND_SCOPE,
      algorithm: 'ES384' as const,
    },
  };
  const common = { tenant, keys, since, fetch: recordingFetch, logger };
  bulk = await pullPopulation({
    ...common,
    options: { polling: { minDelayMs: 20, maxDelayMs: 500, deadlineMs: 30_000 } },
  });
  search = await pullPopulation({ ...common, options: { forceSearch: true } });
}, 120_000);
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Each patient's resource ids by type, to compare the two pulls record by record. */
function contents(records: PatientRecord[]): Record<string, string[][]> {
  const ids = (list: readonly { id?: string }[]): string[] => list.map((r) => r.id ?? '').sort();
  return Object.fromEntries(
    records.map((record) => [
      record.patient.id ?? '',
      [
        ids(record.encounters),
        ids(record.conditions),
        ids(record.observations),
        ids(record.medicationRequests),
        ids(record.medicationAdministrations),
      ],
    ]),
  );
}

test('the sandbox offers $export, so the default pull is bulk; the forced one is search', () => {
  expect(bulk.source).toBe('bulk');
  expect(search.source).toBe('search');
  expect(bulk.unavailableTypes).toEqual([]);
  expect(search.unavailableTypes).toEqual([]);
});

test('bulk and paged search return the same patients and the same counts per type', () => {
  expect(bulk.counts.patients).toBeGreaterThan(10);
  expect(bulk.counts.observations).toBeGreaterThan(bulk.counts.patients);
  const { outsideWindow, ...bulkCounts } = bulk.counts;
  const { outsideWindow: searched, ...searchCounts } = search.counts;
  expect(searchCounts).toEqual(bulkCounts);
  // Search never reads patients without a recent encounter; bulk reads and leaves them out.
  expect(searched).toBe(0);
  expect(outsideWindow).toBeGreaterThan(0);
});

test('bulk and paged search return the same resources for each patient', () => {
  expect(contents(search.records)).toEqual(contents(bulk.records));
});

test('every record holds only its own patient’s resources', () => {
  for (const record of bulk.records) {
    const own = `Patient/${record.patient.id}`;
    for (const resource of [...record.encounters, ...record.conditions, ...record.observations]) {
      expect(resource.subject?.reference).toBe(own);
    }
  }
});

test('the logs carry counts only: no token, no patient id', () => {
  const logged = logLines.join('');
  expect(logLines).toHaveLength(2);
  expect(JSON.parse(logLines[0]!)).toMatchObject({ msg: 'population pulled', source: 'bulk' });
  expect(tokensSent.size).toBeGreaterThan(0);
  for (const token of tokensSent) expect(logged).not.toContain(token);
  for (const record of bulk.records) expect(logged).not.toContain(`"${record.patient.id}"`);
  expect(logged).not.toContain('eyJ');
});
