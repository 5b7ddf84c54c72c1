/** `npx tsx scripts/check-cases.ts`: validates cases/*.json and their value sets, as the tests do. */
import { loadCaseLibrary } from '../server/library/case-library';

const library = await loadCaseLibrary({
  casesDir: 'cases',
  valueSetsDir: 'fhir-profiles/valuesets',
});
process.stdout.write(
  `${library.cases.length} cases and ${library.valueSets.length} value sets are valid.\n`,
);
