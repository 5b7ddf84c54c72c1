import { loadCaseLibrary } from '../server/library/case-library';
import { buildStaff } from '../launch/sandbox/personas';
import { completionBody } from '../tests/support/completion-body';
import { startProcesses } from '../tests/support/processes';
import { launchTokens } from '../tests/support/smart-client';
import { percentile } from './measure';

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
}

/** `total` requests, `concurrency` at a time; throughput and latency percentiles. */
async function load(
  total: number,
  concurrency: number,
  request: (i: number) => Promise<number>,
): Promise<Load> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        const status = await request(i);
        latencies.push(performance.now() - t);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    perSecond: total / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
  };
}

const line = (name: string, l: Load): string =>
  `  ${name.padEnd(44)} ${l.perSecond.toFixed(0).padStart(6)}/s   p50 ${l.p50.toFixed(1).padStart(6)} ms   p99 ${l.p99.toFixed(1).padStart(6)} ms   ${JSON.stringify(l.statuses)}`;

/**
 * Completions with full verification — session token, the encounter read from the sandbox EHR
 * with the clinician's token, grading, policy, one durable SQLite transaction, a signed receipt —
 * beside the same load on `GET /api/session` (session verification alone) as the baseline.
 */
export async function benchCompletions(): Promise<void> {
  const stack = await startProcesses({ CREDIT_UNREVIEWED_CONTENT: 'allow' });
  try {
    const library = await loadCaseLibrary({
      casesDir: 'cases',
      valueSetsDir: 'fhir-profiles/valuesets',
    });
    const sepsis = library.cases.find((c) => c.topic === 'sepsis');
    if (!sepsis) throw new Error('no sepsis case');
    const practitioner = buildStaff().practitioners[0]?.id ?? '';
    const launch = { patient: 'maria-santos', encounter: 'maria-santos-encounter', practitioner };
    const { body: tokens, accessToken } = await launchTokens(stack.sandbox, stack.appUrl, launch);
    const created = await fetch(`${stack.appUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ iss: stack.sandbox.urls.fhirBaseUrl, idToken: tokens.id_token }),
    });
    const { sessionToken } = (await created.json()) as { sessionToken: string };
    const session = {
      headers: { authorization: `Bearer ${sessionToken}`, 'content-type': 'application/json' },
      patient: launch.patient,
      encounter: `Encounter/${launch.encounter}`,
      accessToken,
    };
    const body = (attemptId: string): string =>
      JSON.stringify(completionBody(sepsis, session, { attemptId }));
    const completion = async (): Promise<number> => {
      const response = await fetch(`${stack.appUrl}/api/completions`, {
        method: 'POST',
        headers: session.headers,
        body: body(crypto.randomUUID()),
      });
      await response.arrayBuffer();
      return response.status;
    };
    const whoami = async (): Promise<number> => {
      const response = await fetch(`${stack.appUrl}/api/session`, { headers: session.headers });
      await response.arrayBuffer();
      return response.status;
    };
    await load(50, 10, completion);
    const baseline = await load(600, 10, whoami);
    const candidate = await load(600, 10, completion);
    process.stdout.write(
      `\nCompletions with full verification (10 concurrent; app server and sandbox EHR each in its own process; durable SQLite)\n`,
    );
    process.stdout.write(
      `${line('POST /api/completions', candidate)}\n${line('baseline: GET /api/session', baseline)}\n`,
    );
    process.stdout.write(
      `  ratio (throughput): ${(candidate.perSecond / baseline.perSecond).toFixed(2)}× the baseline; target ≥ 300/s, p99 ≤ 50 ms\n`,
    );
  } finally {
    await stack.stop();
  }
}
