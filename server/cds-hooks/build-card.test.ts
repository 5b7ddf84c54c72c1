import { expect, test } from 'vitest';
import { cdsCardSchema } from '../../core/cds-hooks/card';
import { loadCaseLibrary } from '../library/case-library';
import { buildCard, cardSummary, relativeDays } from './build-card';

const library = await loadCaseLibrary({
  casesDir: 'cases',
  valueSetsDir: 'fhir-profiles/valuesets',
});
const NOW = new Date('2026-11-26T15:00:00Z');
const LONG =
  'Creatinine rose 1 → 1.5 mg/dL in 43 h with a very long laboratory label that goes on and on and on and on';

test('dates in reasons read as relative days at the bedside', () => {
  expect(relativeDays('Lactate 4.1 mmol/L on 2026-11-26 ≥ 2 mmol/L', NOW)).toBe(
    'Lactate 4.1 mmol/L today ≥ 2 mmol/L',
  );
  expect(relativeDays('Urine culture on 2026-11-25', NOW)).toBe('Urine culture yesterday');
  expect(relativeDays('Active order: X (ordered 2026-11-21)', NOW)).toBe(
    'Active order: X (ordered 5 days ago)',
  );
  expect(relativeDays('HbA1c 9.8 % on 2025-01-02', NOW)).toBe('HbA1c 9.8 % on 2025-01-02');
  expect(relativeDays('Sepsis (SNOMED CT 91302008) on the problem list', NOW)).toBe(
    'Sepsis on the problem list',
  );
});

test('every case’s summary stays under 140 characters, however long the reasons', () => {
  for (const microCase of library.cases) {
    for (const reasons of [[], ['Short'], [LONG], [LONG, LONG], [`${LONG} ${LONG}`]]) {
      const summary = cardSummary(microCase, reasons, NOW);
      expect(summary.length, `${microCase.id} ${summary}`).toBeLessThanOrEqual(139);
    }
  }
});

test('the summary says why first, then names the case', () => {
  const sepsis = library.cases.find((c) => c.id === 'sepsis-hour-1-bundle');
  if (!sepsis) throw new Error('no sepsis case');
  expect(cardSummary(sepsis, ['Lactate 4.1 mmol/L on 2026-11-26 ≥ 2 mmol/L'], NOW)).toBe(
    'Lactate 4.1 mmol/L today ≥ 2 mmol/L — 7-min case: sepsis hour-1 bundle',
  );
});

test('a built card is a valid CDS Hooks card with appContext on its smart link only', () => {
  for (const microCase of library.cases) {
    const card = cdsCardSchema.parse(
      buildCard({
        microCase,
        reasons: ['Reason'],
        hookInstance: 'hook-1',
        uuid: crypto.randomUUID(),
        publicUrl: 'https://app.example.org',
        tenantIss: 'https://ehr.example.org/fhir',
        now: NOW,
      }),
    );
    expect(card.links?.map((l) => l.type)).toEqual(['smart', 'absolute']);
    expect(card.links?.[1]).not.toHaveProperty('appContext');
  }
});
