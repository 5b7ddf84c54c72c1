import { pino } from 'pino';
import { createMeasures } from '../core/measures';
import { computeBeforeAfter } from '../core/outcomes/before-after';
import { PANEL_LEARNING } from '../launch/sandbox/panel/panel-learning';
import { pullPopulation } from '../server/outcomes/fhir-pull/pull-population';
import { seedSandboxDemoCredits } from '../server/outcomes/sandbox-demo-credits';
import { startStack } from '../tests/support/stack';
import { report, sideBySide } from './measure';

const DAY_MS = 86_400_000;

/**
 * The outcomes job's two costs on the sandbox's generated panel (≈ 900 patients, ≈ 20,000
 * resources, over loopback HTTP): reading the population with Bulk Data `$export` beside paged
 * search of the same data, and computing every demo credit × measure before/after from it.
 */
export async function benchOutcomes(): Promise<void> {
  // Exports "run" at once here: the bench measures transfer and parsing, not the simulated delay.
  const stack = await startStack({
    env: { CREDIT_UNREVIEWED_CONTENT: 'allow', SANDBOX_EXPORT_DELAY_MS: '0' },
  });
  try {
    const tenant = await stack.tenants.findByIss(stack.sandbox.urls.fhirBaseUrl);
    if (!tenant?.backendServices) throw new Error('the sandbox tenant has no Backend Services');
    const logger = pino({ level: 'silent' });
    const windows = stack.config.outcomes.windows;
    const earliest = Math.max(...PANEL_LEARNING.map((entry) => entry.daysAgo));
    const since = new Date(Date.now() - (earliest + windows.beforeDays) * DAY_MS);
    const pull = (forceSearch: boolean) =>
      pullPopulation({
        tenant,
        keys: stack.keys,
        since,
        logger,
        options: { forceSearch, polling: { minDelayMs: 5, maxDelayMs: 50, deadlineMs: 60_000 } },
      });
    const sample = await pull(false);
    process.stdout.write(
      `\nOutcomes: ${String(sample.records.length)} patients read from the sandbox panel (${sample.source}).\n`,
    );
    report(
      'Population read (Backend Services token + data, sandbox EHR, loopback)',
      await sideBySide(
        5,
        {
          name: 'Bulk Data $export (NDJSON)',
          run: async () => {
            await pull(false);
          },
        },
        {
          name: 'baseline: paged FHIR search',
          run: async () => {
            await pull(true);
          },
        },
      ),
    );

    await seedSandboxDemoCredits({
      config: { ...stack.config, sandboxDemoCredits: true },
      tenants: stack.tenants,
      ledger: stack.ledger,
      library: stack.library,
      keys: stack.keys,
      learning: PANEL_LEARNING,
    });
    const credits = (await stack.ledger.awardedCredits(tenant.id)).map((row) => ({
      creditId: row.id,
      learner: row.learner,
      caseId: row.case_id,
      caseVersion: row.case_version,
      recordedAt: row.recorded_at,
    }));
    const measures = createMeasures(stack.library.valueSets);
    const caseMeasures = new Map(
      stack.library.cases.map((c) => [c.id, c.qualityMeasures.map((m) => m.id)]),
    );
    const asOf = new Date();
    const input = {
      fhirBase: tenant.iss,
      credits,
      caseMeasures,
      measures,
      records: sample.records,
      windows,
      asOf,
    };
    const comparisons = computeBeforeAfter(input).comparisons.length;
    process.stdout.write(
      `\n${String(credits.length)} demo credits → ${String(comparisons)} credit × measure comparisons.\n`,
    );
    // The baseline evaluates every patient for every credit: what indexing by clinician avoids.
    const everyone = (): void => {
      for (const credit of credits) {
        const practitioner = `Practitioner/${credit.learner.split('/Practitioner/')[1] ?? ''}`;
        const at = new Date(credit.recordedAt).getTime();
        for (const id of caseMeasures.get(credit.caseId) ?? []) {
          const measure = measures.find((m) => m.id === id);
          if (!measure) continue;
          for (const period of [
            { start: new Date(at - windows.beforeDays * DAY_MS), end: new Date(at) },
            {
              start: new Date(at),
              end: new Date(Math.min(at + windows.afterDays * DAY_MS, asOf.getTime())),
            },
          ]) {
            for (const record of sample.records) measure.evaluate(record, { practitioner, period });
          }
        }
      }
    };
    report(
      'Before/after computation (all demo credits × their measures, in memory)',
      await sideBySide(
        10,
        {
          name: 'computeBeforeAfter (by clinician)',
          run: () => {
            computeBeforeAfter(input);
            return Promise.resolve();
          },
        },
        {
          name: 'baseline: every patient per credit',
          run: () => {
            everyone();
            return Promise.resolve();
          },
        },
      ),
    );
  } finally {
    await stack.close();
  }
}
