import { expect, test } from 'vitest';
import { createMeasures, measureById } from './index';
import { MEASURE_IDS } from './measure';
import { MEASURE_VALUE_SETS, VALUE_SET_BASE, measureCodes } from './measure-codes';
import { libraryValueSets } from './test-fixtures';

test('the code sets come from the library value sets, as system|code', () => {
  const codes = measureCodes(libraryValueSets);
  expect(codes.hba1c.has('http://loinc.org|4548-4')).toBe(true);
  expect(codes.betaBlocker.has('http://www.nlm.nih.gov/research/umls/rxnorm|866436')).toBe(true);
  expect(codes.bloodCulture).toEqual(new Set(['http://loinc.org|600-7']));
  expect(codes.sepsisAntibiotic.has('http://www.nlm.nih.gov/research/umls/rxnorm|1659149')).toBe(
    true,
  );
  expect(codes.hba1c.has('4548-4')).toBe(false);
});

test('a missing value set fails with every missing canonical URL named', () => {
  const without = libraryValueSets.filter(
    (vs) => !vs.url.endsWith('/sepsis-antibiotics') && !vs.url.endsWith('/t2dm-hba1c'),
  );
  expect(() => measureCodes(without)).toThrow(
    'Quality measures need value sets with an expansion: https://chartside.dev/fhir/ValueSet/t2dm-hba1c, https://chartside.dev/fhir/ValueSet/sepsis-antibiotics',
  );
  expect(() => createMeasures([])).toThrow(
    Object.values(MEASURE_VALUE_SETS)
      .map((id) => `${VALUE_SET_BASE}${id}`)
      .join(', '),
  );
});

test('a value set with an empty expansion counts as missing', () => {
  const emptied = libraryValueSets.map((vs) =>
    vs.url.endsWith('/hfref-lvef') ? { ...vs, expansion: { contains: [] } } : vs,
  );
  expect(() => measureCodes(emptied)).toThrow(`${VALUE_SET_BASE}hfref-lvef`);
});

test('createMeasures gives one measure per id, each labelled and explained in en and es', () => {
  const measures = createMeasures(libraryValueSets);
  expect(measures.map((m) => m.id)).toEqual([...MEASURE_IDS]);
  for (const m of measures) {
    expect(m.label.en.startsWith(`${m.id}-like: `)).toBe(true);
    expect(m.label.es).toContain(m.id);
    expect(m.simplification.en).toMatch(/simpler than/i);
    expect(m.simplification.es).toMatch(/más simple que/i);
  }
  expect(measures.filter((m) => m.lowerIsBetter).map((m) => m.id)).toEqual(['CMS122', 'CMS506']);
  expect(measures.filter((m) => m.basis === 'encounter').map((m) => m.id)).toEqual([
    'CMS506',
    'SEP-1',
  ]);
});

test('measureById finds a case’s measure id and nothing else', () => {
  const measures = createMeasures(libraryValueSets);
  expect(measureById(measures, 'SEP-1')?.id).toBe('SEP-1');
  expect(measureById(measures, 'CMS999')).toBeUndefined();
});
