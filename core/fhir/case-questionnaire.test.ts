import { expect, test } from 'vitest';
import { caseWith } from '../matcher/test-fixtures';
import { caseWithVariants } from '../micro-case/test-support/variant-case';
import { buildCaseQuestionnaire } from './case-questionnaire';
import { caseCanonical, EXTENSION } from './canonical';
import { buildCompletionResponse } from './credit-resources';

const microCase = (() => {
  const c = caseWith('sepsis-demo', { kind: 'sex', id: 'sex', is: 'female' });
  c.version = '2.1.0';
  c.citations = [
    { id: 'c', title: 'Guideline', organization: 'Society', year: 2021, doi: '10.1000/xyz123' },
    {
      id: 'd',
      title: 'Paper',
      organization: 'Group',
      year: 2019,
      journal: 'J Med 2019;1:2',
      url: 'https://example.org/d',
    },
  ];
  c.questions[0]!.options[1]!.feedback = { en: 'Not this one.', es: 'Esta no.' };
  c.questions[0]!.options[1]!.citations = ['d'];
  return c;
})();
const questionnaire = buildCaseQuestionnaire(microCase);

test('the Questionnaire has the canonical url and version the completion and Provenance reference', () => {
  expect(`${questionnaire.url ?? ''}|${questionnaire.version ?? ''}`).toBe(
    caseCanonical('sepsis-demo', '2.1.0'),
  );
  expect(questionnaire).toMatchObject({ id: 'sepsis-demo', name: 'SepsisDemo', status: 'draft' });
});

test('each question is a required choice item whose options carry correctness and feedback', () => {
  const items = questionnaire.item!.filter((i) => i.type === 'choice');
  expect(items.map((i) => i.linkId)).toEqual(['q1', 'q2', 'q3']);
  const option = items[0]!.answerOption![1]!;
  expect(option.valueCoding).toMatchObject({
    system: caseCanonical('sepsis-demo', '2.1.0'),
    code: 'o2',
  });
  expect(option.extension).toContainEqual({ url: EXTENSION.correctOption, valueBoolean: false });
  expect(option.extension).toContainEqual({
    url: EXTENSION.optionFeedback,
    valueString: 'Not this one.',
    _valueString: {
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/translation',
          extension: [
            { url: 'lang', valueCode: 'es' },
            { url: 'content', valueString: 'Esta no.' },
          ],
        },
      ],
    },
  });
  const correct = items.map(
    (i) => i.answerOption!.filter((o) => o.extension?.[0]?.valueBoolean === true).length,
  );
  expect(correct).toEqual([1, 1, 1]);
});

test('citations come from the case only: an option cites what its case entry cites', () => {
  const cited = (extensions: { url: string; valueRelatedArtifact?: { label?: string } }[] = []) =>
    extensions.filter((e) => e.url === EXTENSION.citation).map((e) => e.valueRelatedArtifact);
  expect(cited(questionnaire.extension)).toEqual([
    {
      type: 'citation',
      label: 'c',
      display: 'Guideline',
      citation: 'Society. Guideline. 2021. doi:10.1000/xyz123',
      url: 'https://doi.org/10.1000/xyz123',
    },
    {
      type: 'citation',
      label: 'd',
      display: 'Paper',
      citation: 'Group. Paper. J Med 2019;1:2.',
      url: 'https://example.org/d',
    },
  ]);
  const option = questionnaire.item![1]!.answerOption![1]!;
  expect(cited(option.extension).map((a) => a?.label)).toEqual(['d']);
});

test('a completion built for the case answers items and options the Questionnaire has', () => {
  const completion = buildCompletionResponse({
    completionId: 'qr',
    awardId: 'a',
    provenanceId: 'p',
    caseId: microCase.id,
    caseVersion: microCase.version,
    learner: 'https://ehr.example/Practitioner/1',
    encounter: 'https://ehr.example/Encounter/1',
    answers: [{ questionId: 'q1', optionId: 'o2' }],
    reflection: { clinicalQuestion: 'q', sourcesConsulted: ['c', 'd'], applicationToPractice: 'a' },
    startedAt: '2026-11-26T10:00:00Z',
    finishedAt: '2026-11-26T10:05:00Z',
    recordedAt: '2026-11-26T10:05:01Z',
    award: undefined,
    appVersion: '0.1.0',
    provider: { reference: 'Organization/p', display: 'P' },
  });
  const answered = completion.item![0]!.answer![0]!.valueCoding!;
  const offered = questionnaire.item!.find((i) => i.linkId === 'q1')!.answerOption!;
  expect(offered.map((o) => o.valueCoding?.code)).toContain(answered.code);
  expect(offered[0]!.valueCoding!.system).toBe(answered.system);
  const reflection = questionnaire.item!.find((i) => i.linkId === 'poc-reflection')!;
  const written = completion.item!.find((i) => i.linkId === 'poc-reflection')!;
  expect(written.item!.map((i) => i.linkId)).toEqual(reflection.item!.map((i) => i.linkId));
  expect(written.item![1]!.answer).toEqual([{ valueString: 'c' }, { valueString: 'd' }]);
  expect(reflection.item![1]!.repeats).toBe(true);
});

const withVariants = buildCaseQuestionnaire(caseWithVariants());

test('a question with variants: sibling items `{id}.easier` and `{id}.harder`, none required', () => {
  const choices = withVariants.item!.filter((i) => i.type === 'choice');
  expect(choices.map((i) => [i.linkId, i.required, i.prefix])).toEqual([
    ['q1', false, undefined],
    ['q1.easier', false, 'Easier version'],
    ['q1.harder', false, 'Harder version'],
    ['q2', true, undefined],
    ['q3', true, undefined],
  ]);
  const harder = choices[2]!;
  expect(harder.text).toBe('hard prompt');
  expect(harder._prefix?.extension?.[0]?.extension).toContainEqual({
    url: 'content',
    valueString: 'Versión más difícil',
  });
  expect(harder.answerOption!.map((o) => o.valueCoding?.code)).toEqual([
    'hard-o1',
    'hard-o2',
    'hard-o3',
  ]);
  expect(harder.answerOption![0]!.extension).toContainEqual({
    url: EXTENSION.correctOption,
    valueBoolean: true,
  });
});

test('a completion answers the item of the variant the learner was shown', () => {
  const completion = buildCompletionResponse({
    completionId: 'qr',
    awardId: 'a',
    provenanceId: 'p',
    caseId: 'variant-case',
    caseVersion: '1.0.0',
    learner: 'https://ehr.example/Practitioner/1',
    encounter: 'https://ehr.example/Encounter/1',
    answers: [
      { questionId: 'q1', optionId: 'hard-o1', variant: 'harder' },
      { questionId: 'q2', optionId: 'o1', variant: 'standard' },
      { questionId: 'q3', optionId: 'o2' },
    ],
    reflection: { clinicalQuestion: 'q', sourcesConsulted: ['c'], applicationToPractice: 'a' },
    startedAt: '2026-11-26T10:00:00Z',
    finishedAt: '2026-11-26T10:05:00Z',
    recordedAt: '2026-11-26T10:05:01Z',
    award: undefined,
    appVersion: '0.1.0',
    provider: { reference: 'Organization/p', display: 'P' },
  });
  const answered = completion.item!.slice(0, 3);
  expect(answered.map((i) => [i.linkId, i.answer?.[0]?.valueCoding?.code])).toEqual([
    ['q1.harder', 'hard-o1'],
    ['q2', 'o1'],
    ['q3', 'o2'],
  ]);
  for (const item of answered) {
    const offered = withVariants.item!.find((i) => i.linkId === item.linkId)!.answerOption!;
    expect(offered.map((o) => o.valueCoding?.code)).toContain(item.answer?.[0]?.valueCoding?.code);
  }
});
