/** `npx tsx scripts/check-cases.ts`: validates cases/*.json, cases/archive/ and their value sets, and
 * that every case version is locked, as the tests do. */
import { loadCaseLibrary } from '../server/library/case-library';

const library = await loadCaseLibrary({
  casesDir: 'cases',
  valueSetsDir: 'fhir-profiles/valuesets',
});
process.stdout.write(
  `${library.cases.length} cases (${library.archived.length} earlier versions kept) and ` +
    `${library.valueSets.length} value sets are valid.\n`,
);
if (library.unlocked.length > 0) {
  process.stdout.write(`Not locked yet (npm run cases:lock): ${library.unlocked.join(', ')}\n`);
  process.exitCode = 1;
}
