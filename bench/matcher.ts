import { matchCases } from '../core/matcher/match-cases';
import { PatientIndex } from '../core/matcher/patient-index';
import { loadCaseLibrary } from '../server/library/case-library';
import { fhirPathBaseline } from './fhirpath-baseline';
import { buildLargePatient } from './large-patient';
import { report, sideBySide } from './measure';

/** The whole case library against one very large chart: the matcher beside fhirpath.js. */
export async function benchMatcher(): Promise<void> {
  const now = new Date();
  const library = await loadCaseLibrary({
    casesDir: 'cases',
    valueSetsDir: 'fhir-profiles/valuesets',
  });
  const { chart, source } = buildLargePatient(now);
  const count = 1 + chart.conditions.length + chart.observations.length + chart.medications.length;
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [chart.patient, ...chart.conditions, ...chart.observations, ...chart.medications].map(
      (resource) => ({ resource }),
    ),
  };
  const baseline = fhirPathBaseline(library.valueSets, now);
  const started = performance.now();
  const index = new PatientIndex(chart);
  const indexMs = performance.now() - started;
  const matches = matchCases({ ...library, context: chart, now });
  process.stdout.write(
    `\nMatcher: ${library.cases.length} cases against one patient of ${count} resources (${source}); ` +
      `${matches.length} matched; indexing once took ${indexMs.toFixed(1)} ms (${index.resources.length} resources kept).\n`,
  );
  const result = await sideBySide(
    30,
    {
      name: 'matchCases, whole library, indexed',
      run: () => {
        matchCases({ ...library, context: chart, now, index });
        return Promise.resolve();
      },
    },
    {
      name: 'fhirpath.js over the raw Bundle',
      run: () => {
        for (const c of library.cases) baseline(c.trigger, bundle);
        return Promise.resolve();
      },
    },
  );
  report('Whole library per patient (lower is better)', result);
  const p50 =
    [...result[0].samplesMs].sort((a, b) => a - b)[Math.floor(result[0].samplesMs.length / 2)] ??
    NaN;
  process.stdout.write(
    `  per case after indexing: ${(p50 / library.cases.length).toFixed(3)} ms (target ≤ 5 ms per match)\n`,
  );
}
