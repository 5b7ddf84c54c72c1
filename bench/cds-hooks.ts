import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import type { Bundle, Observation, Resource } from 'fhir/r4';
import { Agent, request } from 'undici';
import { CDS_SERVICE_IDS } from '../core/cds-hooks/service-ids';
import {
  patientViewRequest,
  persona,
  personaPrefetch,
  serviceUrl,
  signCdsJwt,
  startCdsStack,
} from '../tests/conformance/cds-hooks/cds-test-client';
import { percentile } from './measure';

const SYNTHEA = new URL('../../shared/data/synthea/', import.meta.url).pathname;
const CONCURRENCY = 50;
const TOTAL = 3000;
const ROUNDS = 6;
/** Requests one at a time: the service's own latency, without queueing behind 49 others. */
const SERIAL = 300;
const HOUR = 3_600_000;

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
}

const searchset = (resources: readonly Resource[]): Bundle => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
});

/**
 * The prefetch an EHR would send for one real-sized Synthea patient (the median file in
 * ../shared/data): what each template returns, dates moved so the newest result is an hour old.
 */
function syntheaPrefetch(
  now: Date,
): { patientId: string; prefetch: Record<string, unknown>; source: string } | undefined {
  if (!existsSync(SYNTHEA)) return undefined;
  const files = readdirSync(SYNTHEA)
    .filter((n) => n.endsWith('.json'))
    .map((n) => join(SYNTHEA, n))
    .sort((a, b) => statSync(a).size - statSync(b).size);
  const file = files[Math.floor(files.length / 2)];
  if (file === undefined) return undefined;
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as Bundle;
  const all = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  const patient = all.find((r) => r.resourceType === 'Patient');
  if (!patient?.id) return undefined;
  const subject = { reference: `Patient/${patient.id}` };
  const of = <T extends Resource>(type: string): T[] =>
    all.filter((r) => r.resourceType === type).map((r) => ({ ...r, subject }) as unknown as T);
  const observations = of<Observation>('Observation');
  const newest = Math.max(...observations.map((o) => Date.parse(o.effectiveDateTime ?? '') || 0));
  const shift = now.getTime() - HOUR - newest;
  const moved = (o: Observation): Observation => ({
    ...o,
    effectiveDateTime: new Date(Date.parse(o.effectiveDateTime ?? '') + shift).toISOString(),
  });
  const category = (code: string, count: number): Bundle =>
    searchset(
      observations
        .filter((o) => o.category?.some((c) => c.coding?.some((cd) => cd.code === code)))
        .map(moved)
        .sort((a, b) => (b.effectiveDateTime ?? '').localeCompare(a.effectiveDateTime ?? ''))
        .slice(0, count),
    );
  const active = (r: Resource): boolean =>
    JSON.stringify((r as { clinicalStatus?: unknown }).clinicalStatus ?? '').includes('active');
  return {
    patientId: patient.id,
    source: `Synthea patient ${file.split('/').pop() ?? ''} (${all.length} resources)`,
    prefetch: {
      patient,
      conditions: searchset(of('Condition').filter(active).slice(0, 50)),
      labs: category('laboratory', 100),
      vitals: category('vital-signs', 100),
      imaging: category('imaging', 20),
      medications: searchset(
        of('MedicationRequest')
          .filter((m) => (m as { status?: string }).status === 'active')
          .slice(0, 50),
      ),
    },
  };
}

interface Samples {
  latencies: number[];
  statuses: Record<number, number>;
  seconds: number;
}

const empty = (): Samples => ({ latencies: [], statuses: {}, seconds: 0 });

/** `total` requests over `connections` connections at a time, added to `into`. */
async function load(
  into: Samples,
  total: number,
  send: () => Promise<number>,
  connections = CONCURRENCY,
): Promise<void> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < total) {
        next += 1;
        const t = performance.now();
        const status = await send();
        into.latencies.push(performance.now() - t);
        into.statuses[status] = (into.statuses[status] ?? 0) + 1;
      }
    }),
  );
  into.seconds += (performance.now() - started) / 1000;
}

const summary = (s: Samples): Load => ({
  perSecond: s.latencies.length / s.seconds,
  p50: percentile(s.latencies, 50),
  p99: percentile(s.latencies, 99),
  statuses: s.statuses,
});

const line = (name: string, l: Load): string =>
  `  ${name.padEnd(46)} ${l.perSecond.toFixed(0).padStart(6)}/s   p50 ${l.p50.toFixed(1).padStart(6)} ms   p99 ${l.p99.toFixed(1).padStart(6)} ms   ${JSON.stringify(l.statuses)}`;

/**
 * `patient-view` with the prefetch supplied for a realistic patient — JWT verification with the
 * jti replay store, prefetch reading, the app's matcher, cards stored for feedback — beside a bare
 * Express endpoint in the same process that parses the same body and returns a fixed card.
 */
export async function benchCdsHooks(): Promise<void> {
  const cds = await startCdsStack();
  const bare = express();
  bare.post('/cds-services/:id', express.json({ limit: '8mb' }), (_req, res) => {
    res.json({
      cards: [
        {
          uuid: crypto.randomUUID(),
          summary: 'fixed',
          indicator: 'info',
          source: { label: 'bench' },
        },
      ],
    });
  });
  const bareServer = createServer(bare);
  await new Promise<void>((resolve) => bareServer.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/cds-services/${CDS_SERVICE_IDS.patientView}`;
  const dispatcher = new Agent({ connections: CONCURRENCY, pipelining: 1 });
  try {
    const now = new Date();
    const sepsis = persona(cds, 'sepsis');
    const synthea = syntheaPrefetch(now);
    const base = patientViewRequest(cds, sepsis, {
      prefetch: synthea?.prefetch ?? personaPrefetch(sepsis),
    });
    const context: Record<string, unknown> = { ...(base.context as Record<string, unknown>) };
    if (synthea) context.patientId = synthea.patientId;
    delete context.encounterId;
    const body = JSON.stringify({ ...base, context });
    const url = serviceUrl(cds, CDS_SERVICE_IDS.patientView);
    // Tokens are signed before the clock starts: signing is the EHR's cost, not ours.
    const tokens = await Promise.all(
      Array.from({ length: TOTAL + 300 + SERIAL }, () =>
        signCdsJwt(cds, { key: cds.keys.es384, aud: url }),
      ),
    );
    let used = 0;
    const post = async (target: string, token: string): Promise<number> => {
      const response = await request(target, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      await response.body.arrayBuffer();
      return response.statusCode;
    };
    const service = (): Promise<number> => post(url, tokens[used++] ?? '');
    const baseline = (): Promise<number> => post(bareUrl, 'x');
    await load(empty(), 300, service);
    await load(empty(), 300, baseline);
    // Alternating rounds, so that load from elsewhere on the machine hits both alike.
    const [ours, theirs] = [empty(), empty()];
    for (let round = 0; round < ROUNDS; round += 1) {
      await load(ours, TOTAL / ROUNDS, service);
      await load(theirs, TOTAL / ROUNDS, baseline);
    }
    const candidate = summary(ours);
    const bareLoad = summary(theirs);
    const [oursAlone, theirsAlone] = [empty(), empty()];
    for (let round = 0; round < ROUNDS; round += 1) {
      await load(oursAlone, SERIAL / ROUNDS, service, 1);
      await load(theirsAlone, SERIAL / ROUNDS, baseline, 1);
    }
    process.stdout.write(
      `\nCDS Hooks patient-view with prefetch (${CONCURRENCY} connections, keep-alive; ${(body.length / 1024).toFixed(0)} KiB body; ${synthea?.source ?? 'sandbox persona (../shared/data absent)'}; app and baseline in this process)\n`,
    );
    process.stdout.write(
      `${line('POST /cds-services/chartside-patient-view', candidate)}\n${line('baseline: bare Express, same body, fixed card', bareLoad)}\n`,
    );
    process.stdout.write(
      `  ratio (throughput): ${((candidate.perSecond / bareLoad.perSecond) * 100).toFixed(0)} % of the bare endpoint; target ≥ 50 %, p99 ≤ 25 ms\n`,
    );
    process.stdout.write(
      `  one connection at a time:\n${line('POST /cds-services/chartside-patient-view', summary(oursAlone))}\n${line('baseline: bare Express', summary(theirsAlone))}\n`,
    );
  } finally {
    await dispatcher.close();
    bareServer.closeAllConnections();
    await new Promise((resolve) => bareServer.close(resolve));
    await cds.close();
  }
}
