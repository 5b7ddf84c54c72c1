import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { caseJsonSchema } from '../../core/micro-case/case-json-schema';
import { leafCriteria } from '../../core/micro-case/library-problems';
import { TOPIC_IDS } from '../../core/topics';
import { loadCaseLibrary } from './case-library';

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
