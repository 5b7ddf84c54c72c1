import { expect, test } from 'vitest';
import { cardAppContextSchema, cdsCardSchema } from '../../core/cds-hooks/card';
import { indexValueSets } from '../../core/matcher/match-cases';
import { personaContexts } from '../../scripts/persona-contexts';
import { loadCaseLibrary } from '../library/case-library';
import { buildReviewCard, reviewSummary } from './build-review-card';
import type { SelectInput } from './select-cases';
import { selectReview } from './select-review';

const library = await loadCaseLibrary({
  casesDir: 'cases',
  valueSetsDir: 'fhir-profiles/valuesets',
});
const now = new Date();
const personas = personaContexts(now);

function input(topic: string, history: SelectInput['history'] = []): Omit<SelectInput, 'order'> {
  const found = personas.find((p) => p.persona.topic === topic);
  if (!found) throw new Error(`no ${topic} persona`);
  return {
    library,
    valueSetCodes: indexValueSets(library.valueSets),
    chart: found.context,
    history,
    now,
  };
}
const AKI_POINT = 'aki-kdigo-recognition:definition';
const SEPSIS_POINT = 'sepsis-hour-1-bundle:antimicrobial-timing';
const daysAgo = (days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString();

test('a due point whose case matches this patient is offered', () => {
  expect(selectReview(input('aki'), [{ teachingPoint: AKI_POINT }], new Set())).toMatchObject({
    teachingPoint: AKI_POINT,
    microCase: { id: 'aki-kdigo-recognition' },
  });
});

test('a due point whose case does not match this patient is not', () => {
  expect(selectReview(input('sepsis'), [{ teachingPoint: AKI_POINT }], new Set())).toBeUndefined();
});

test('nothing due, nothing offered', () => {
  expect(selectReview(input('aki'), [], new Set())).toBeUndefined();
});

test('the longest-overdue point that fits wins; points that do not fit are passed over', () => {
  const due = [{ teachingPoint: SEPSIS_POINT }, { teachingPoint: AKI_POINT }];
  expect(selectReview(input('aki'), due, new Set())?.teachingPoint).toBe(AKI_POINT);
  expect(selectReview(input('sepsis'), due, new Set())?.teachingPoint).toBe(SEPSIS_POINT);
});

test('a case completed recently still brings its due points back; one dismissed does not', () => {
  const completed = [
    { caseId: 'aki-kdigo-recognition', outcome: 'completed' as const, at: daysAgo(3) },
  ];
  expect(
    selectReview(input('aki', completed), [{ teachingPoint: AKI_POINT }], new Set()),
  ).toBeDefined();
  const dismissed = [
    { caseId: 'aki-kdigo-recognition', outcome: 'dismissed' as const, at: daysAgo(3) },
  ];
  expect(
    selectReview(input('aki', dismissed), [{ teachingPoint: AKI_POINT }], new Set()),
  ).toBeUndefined();
});

test('no refresher for a case that already has its own card: playing it rates its points', () => {
  expect(
    selectReview(input('aki'), [{ teachingPoint: AKI_POINT }], new Set(['aki-kdigo-recognition'])),
  ).toBeUndefined();
});

test('a point that left the library is never offered', () => {
  expect(
    selectReview(input('aki'), [{ teachingPoint: 'aki-kdigo-recognition:gone' }], new Set()),
  ).toBeUndefined();
});

test('the refresher card: info, under 140 characters, its appContext names the case and the point', () => {
  for (const microCase of library.cases) {
    const card = buildReviewCard({
      microCase,
      teachingPoint: `${microCase.id}:q`,
      hookInstance: 'h-1',
      uuid: crypto.randomUUID(),
      publicUrl: 'https://app.example',
      tenantIss: 'https://ehr.example/fhir',
    });
    expect(cdsCardSchema.parse(card)).toEqual(card);
    expect(card.summary.length).toBeLessThan(140);
    expect(card.summary).toMatch(/^2-min refresher: .+ — due for review$/);
    const smart = card.links?.find((l) => l.type === 'smart');
    const context = cardAppContextSchema.parse(
      JSON.parse(smart?.type === 'smart' ? (smart.appContext ?? '') : ''),
    );
    expect(context).toEqual({
      caseId: microCase.id,
      version: microCase.version,
      hookInstance: 'h-1',
      cardUuid: card.uuid,
      review: `${microCase.id}:q`,
    });
  }
  const aki = library.cases.find((c) => c.id === 'aki-kdigo-recognition')!;
  expect(reviewSummary(aki)).toBe('2-min refresher: AKI — due for review');
});
