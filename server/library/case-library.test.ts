import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { caseJsonSchema } from '../../core/micro-case/case-json-schema';
import { leafCriteria } from '../../core/micro-case/library-problems';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { TOPIC_IDS } from '../../core/topics';
import { findCaseVersion, loadCaseLibrary, requireCaseVersion } from './case-library';
import { writeVersionLock } from './case-version-lock';

const dirs = { casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' };
const library = await loadCaseLibrary(dirs);
const today = new Date().toISOString().slice(0, 10);

test('the library has a case for every topic of the content brief', () => {
  expect(new Set(library.cases.map((c) => c.topic))).toEqual(new Set(TOPIC_IDS));
  expect(library.cases.length).toBeGreaterThanOrEqual(12);
});

test.each(library.cases.map((c) => [c.id, c] as const))('%s is ready to teach', (_id, c) => {
  expect(c.disclosure.nextReviewDue >= today, 'review date not past').toBe(true);
  expect(c.disclosure.contentValidityReviewed <= today).toBe(true);
  for (const text of [c.title, c.cardSummary]) {
    expect(text.en.length).toBeLessThanOrEqual(139);
    expect(text.es.length).toBeLessThanOrEqual(139);
  }
  for (const question of c.questions) {
    for (const option of question.options) {
      expect(option.feedback.en.length, `${question.id}/${option.id} feedback`).toBeGreaterThan(20);
      expect(option.citations.length).toBeGreaterThan(0);
    }
  }
  for (const slot of c.stem.slots) {
    expect(leafCriteria(c.trigger).map((l) => l.id)).toContain(slot.criterion);
  }
  for (const citation of c.citations) expect(citation.doi ?? citation.url).toBeDefined();
});

test('every value set a trigger uses exists with an expansion', () => {
  const urls = new Set(library.valueSets.map((vs) => vs.url));
  for (const c of library.cases) {
    for (const leaf of leafCriteria(c.trigger)) {
      if ('valueSet' in leaf) expect(urls, `${c.id}/${leaf.id}`).toContain(leaf.valueSet);
    }
  }
});

test('the committed JSON Schema for editors matches the zod schema (npm run cases:schema)', () => {
  const committed = JSON.parse(
    readFileSync('cases/schema/micro-case.schema.json', 'utf8'),
  ) as unknown;
  expect(committed).toEqual(JSON.parse(JSON.stringify(caseJsonSchema())));
});

test('a broken case is refused with its file and the path of the problem', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cases-'));
  mkdirSync(join(dir, 'vs'));
  const broken = structuredClone(library.cases[0]!) as Record<string, unknown>;
  broken.cardSummary = { en: 'x'.repeat(140), es: 'y' };
  (broken.questions as { options: { citations: string[] }[] }[])[0]!.options[0]!.citations = [
    'no-such-source',
  ];
  writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
  const error = await loadCaseLibrary({ casesDir: dir, valueSetsDir: join(dir, 'vs') }).catch(
    (e: unknown) => e as Error,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toContain('broken.json');
  expect((error as Error).message).toContain('cardSummary.en');
});

test('a citation that does not resolve is named with its case and place', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cases-'));
  const source = library.cases[0]!;
  const broken = structuredClone(source);
  broken.questions[0]!.options[0]!.citations = ['no-such-source'];
  writeFileSync(join(dir, 'c.json'), JSON.stringify(broken));
  const error = await loadCaseLibrary({ casesDir: dir, valueSetsDir: dirs.valueSetsDir }).catch(
    (e: unknown) => e as Error,
  );
  expect((error as Error).message).toContain(
    `${source.id}: questions[0].options[0] cites unknown "no-such-source"`,
  );
});

test('every case version is locked (npm run cases:lock), and each locked version is still here', () => {
  expect(library.unlocked).toEqual([]);
  expect(library.archived.length).toBeGreaterThan(0);
  for (const old of library.archived)
    expect(findCaseVersion(library, old.id, old.version)).toBe(old);
});

/** A scratch library of one case, published (locked) at 1.0.0. */
async function publishedScratch(): Promise<{ dir: string; source: MicroCase }> {
  const dir = mkdtempSync(join(tmpdir(), 'cases-'));
  const source = { ...structuredClone(library.cases[0]!), version: '1.0.0' };
  writeFileSync(join(dir, 'c.json'), JSON.stringify(source));
  const loaded = await loadCaseLibrary({ casesDir: dir, valueSetsDir: dirs.valueSetsDir });
  expect(loaded.unlocked).toEqual([`${source.id}@1.0.0`]);
  await writeVersionLock(dir, {
    [source.id]: { '1.0.0': loaded.fingerprints.get(`${source.id}@1.0.0`)! },
  });
  return { dir, source };
}

const loadError = (dir: string): Promise<string> =>
  loadCaseLibrary({ casesDir: dir, valueSetsDir: dirs.valueSetsDir }).then(
    () => 'loaded',
    (e: unknown) => (e as Error).message,
  );

test('a published version edited in place is refused: a credit names content that must not change', async () => {
  const { dir, source } = await publishedScratch();
  // Key order and formatting do not count; a changed word does.
  writeFileSync(join(dir, 'c.json'), JSON.stringify(source, null, 4));
  expect(await loadError(dir)).toBe('loaded');
  const edited = structuredClone(source);
  edited.keyPoints[0]!.text.en += ' (edited)';
  writeFileSync(join(dir, 'c.json'), JSON.stringify(edited));
  expect(await loadError(dir)).toContain(`${source.id}@1.0.0 changed after it was published`);
});

test('a published version whose file is gone is refused', async () => {
  const { dir, source } = await publishedScratch();
  writeFileSync(join(dir, 'c.json'), JSON.stringify({ ...source, version: '1.1.0' }));
  expect(await loadError(dir)).toContain(`${source.id}@1.0.0 was published and its file is gone`);
});

test('a new version with the published one archived unchanged loads, the new one unlocked until locked', async () => {
  const { dir, source } = await publishedScratch();
  mkdirSync(join(dir, 'archive'));
  writeFileSync(join(dir, 'archive', `${source.id}@1.0.0.json`), JSON.stringify(source));
  const next = structuredClone(source);
  next.version = '1.1.0';
  next.keyPoints[0]!.text.en += ' (clarified)';
  writeFileSync(join(dir, 'c.json'), JSON.stringify(next));
  const loaded = await loadCaseLibrary({ casesDir: dir, valueSetsDir: dirs.valueSetsDir });
  expect(loaded.cases.map((c) => c.version)).toEqual(['1.1.0']);
  expect(loaded.archived.map((c) => c.version)).toEqual(['1.0.0']);
  expect(loaded.unlocked).toEqual([`${source.id}@1.1.0`]);
  expect(requireCaseVersion(loaded, source.id, '1.0.0')).toEqual(source);
  expect(() => requireCaseVersion(loaded, source.id, '0.9.0')).toThrow('No case');
});

test.each([
  ['named for another version', '1.0.0', 'c@0.1.0.json', 'an archived case is named'],
  ['not older than the current', '2.0.0', undefined, 'is not older than the current 1.1.0'],
  ['the same version as the current', '1.1.0', undefined, 'is in the library twice'],
])('an archived version %s is refused', async (_label, version, fileName, message) => {
  const dir = mkdtempSync(join(tmpdir(), 'cases-'));
  const source = { ...structuredClone(library.cases[0]!), version: '1.1.0' };
  writeFileSync(join(dir, 'c.json'), JSON.stringify(source));
  mkdirSync(join(dir, 'archive'));
  writeFileSync(
    join(dir, 'archive', fileName ?? `${source.id}@${version}.json`),
    JSON.stringify({ ...source, version }),
  );
  expect(await loadError(dir)).toContain(message);
});

test('an archived version of a case the library no longer has is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cases-'));
  mkdirSync(join(dir, 'archive'));
  const source = { ...structuredClone(library.cases[0]!), version: '1.0.0' };
  writeFileSync(join(dir, 'archive', `${source.id}@1.0.0.json`), JSON.stringify(source));
  expect(await loadError(dir)).toContain(`archived ${source.id}@1.0.0 has no current case`);
});
