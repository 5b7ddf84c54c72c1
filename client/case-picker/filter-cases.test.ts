import { expect, test } from 'vitest';
import { localize } from '../../core/micro-case/localized-text';
import { filterCases } from './filter-cases';
import { asthmaCase, diabetesCase, library } from './test-support/library-fixture';

const spanishTitles = (query: string) =>
  filterCases(library.cases, query, (microCase) => [localize(microCase.title, 'es')]).map(
    (microCase) => microCase.id,
  );

test('an empty query keeps every case', () => {
  expect(spanishTitles('  ')).toHaveLength(library.cases.length);
});

test('every word must appear, in any order, ignoring case and accents', () => {
  expect(spanishTitles('PASO diabetes')).toEqual([diabetesCase.id]);
  expect(spanishTitles('anticoagulacion')).toEqual(['anticoagulation-check']);
  expect(spanishTitles('asma gota')).toEqual([]);
});

test('searches whatever texts it is given, such as the topic', () => {
  const byTopic = filterCases(library.cases, 'asthma', (microCase) => [microCase.topic]);
  expect(byTopic).toEqual([asthmaCase]);
});
