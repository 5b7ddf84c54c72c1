/**
 * `npm run cases:lock`: publishes the case versions cases/versions.lock.json does not name yet.
 * It never rewrites a locked fingerprint: a published version that changed fails the load, with
 * what to do instead (a new version, the old file moved to cases/archive/).
 */
import { loadCaseLibrary } from '../server/library/case-library';
import { readVersionLock, writeVersionLock } from '../server/library/case-version-lock';

const casesDir = 'cases';
const library = await loadCaseLibrary({ casesDir, valueSetsDir: 'fhir-profiles/valuesets' });
const lock = (await readVersionLock(casesDir)) ?? {};
for (const key of library.unlocked) {
  const [id = '', version = ''] = key.split('@');
  lock[id] = { ...lock[id], [version]: library.fingerprints.get(key) ?? '' };
}
await writeVersionLock(casesDir, lock);
process.stdout.write(
  library.unlocked.length === 0
    ? 'Every case version is already locked.\n'
    : `Locked ${library.unlocked.join(', ')}.\n`,
);
