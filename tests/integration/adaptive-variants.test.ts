import type { Bundle, Provenance, Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PROFILE } from '../../core/fhir/canonical';
import type { MicroCase, Question } from '../../core/micro-case/micro-case-schema';
import { questionBody, type QuestionVariant } from '../../core/micro-case/question-variants';
import { completionResponseSchema } from '../../core/wire/completion';
import {
  dueReviewsResponseSchema,
  pointStatesResponseSchema,
  reviewResponseSchema,
} from '../../core/wire/learner';
import { loadCaseLibrary } from '../../server/library/case-library';
import { completionBody } from '../support/completion-body';
import { responseProblems, validateFhir } from '../support/fhir-validation';
import { learnerSession, type LearnerSession } from '../support/learner-session';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let cases: MicroCase[];
let aki: MicroCase;
/** AKI's first question: it has an easier and a harder version. */
let definition: Question;
let walter: LearnerSession;

beforeAll(async () => {
  stack = await startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } });
  cases = (await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' }))
    .cases;
  aki = cases.find((c) => c.id === 'aki-kdigo-recognition')!;
  definition = aki.questions.find((q) => q.id === 'definition')!;
  walter = await learnerSession(stack, 'walter-novak');
});
afterAll(() => stack.close());

const optionOf = (question: Question, variant: QuestionVariant, correct: boolean): string =>
  questionBody(question, variant)!.options.find((o) => o.correct === correct)!.id;

async function call(
  session: LearnerSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${stack.appUrl}${path}`, {
    method,
    headers: session.headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}
const errorOf = (body: unknown): [unknown, unknown] => {
  const issue = (
    body as { issue: { details: { coding: { code: string }[] }; expression?: string[] }[] }
  ).issue[0];
  return [issue?.details.coding[0]?.code, issue?.expression?.[0]];
};
const count = async (table: 'ledger' | 'review_answers' | 'review_cards'): Promise<number> =>
  Number(
    (
      await stack.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/** Walter's completion of the AKI case, the definition question answered as `answer` says. */
const completion = (
  session: LearnerSession,
  answer: { optionId: string; variant?: string },
): Record<string, unknown> => {
  const body = completionBody(aki, session);
  const answers = body.answers as Record<string, unknown>[];
  answers[0] = { questionId: definition.id, ...answer };
  return body;
};
const review = (overrides: Record<string, unknown>): Record<string, unknown> => ({
  reviewId: crypto.randomUUID(),
  caseId: aki.id,
  caseVersion: aki.version,
  questionId: definition.id,
  optionId: optionOf(definition, 'standard', true),
  confidence: 'very-sure',
  ...overrides,
});

test('the library ships easier or harder variants for at least three cases', () => {
  const withVariants = cases.filter((c) => c.questions.some((q) => q.variants));
  expect(withVariants.map((c) => c.id)).toEqual(
    expect.arrayContaining([
      'aki-kdigo-recognition',
      'asb-bacteriuria-older-adult',
      'sepsis-hour-1-bundle',
    ]),
  );
});

/** Walter's AKI completion with its answer to `questionId` replaced by `answer`. */
const completionWith = (questionId: string, answer: Record<string, unknown>) => {
  const body = completionBody(aki, walter);
  body.answers = (body.answers as { questionId: string }[]).map((a) =>
    a.questionId === questionId ? { questionId, ...answer } : a,
  );
  return body;
};
const hardRight = (): string => optionOf(definition, 'harder', true);

test.each([
  [
    'a harder variant’s correct option on the standard question',
    () => completionWith('definition', { optionId: hardRight() }),
  ],
  [
    'a harder variant’s correct option claimed as the easier one',
    () => completionWith('definition', { optionId: hardRight(), variant: 'easier' }),
  ],
  [
    'the standard question’s correct option claimed as the harder one',
    () =>
      completionWith('definition', {
        optionId: optionOf(definition, 'standard', true),
        variant: 'harder',
      }),
  ],
  [
    'a variant the question does not have (follow-up has none)',
    () =>
      completionWith('follow-up', {
        optionId: optionOf(
          aki.questions.find((q) => q.id === 'follow-up')!,
          'standard',
          true,
        ),
        variant: 'harder',
      }),
  ],
])(
  'attack: a completion with %s is refused as ANSWERS_INVALID, nothing stored',
  async (_l, body) => {
    const before = await Promise.all([count('ledger'), count('review_answers')]);
    const response = await call(walter, 'POST', '/api/completions', body());
    expect([response.status, ...errorOf(response.body)]).toEqual([
      422,
      'ANSWERS_INVALID',
      'answers',
    ]);
    expect(await Promise.all([count('ledger'), count('review_answers')])).toEqual(before);
  },
);

test('a completion naming a variant that does not exist is refused before grading', async () => {
  const before = await count('ledger');
  const response = await call(
    walter,
    'POST',
    '/api/completions',
    completionWith('definition', { optionId: hardRight(), variant: 'expert' }),
  );
  expect([response.status, errorOf(response.body)[0]]).toEqual([400, 'REQUEST_INVALID']);
  expect(await count('ledger')).toBe(before);
});

test('a completion answered in the harder variant earns the same credit, and its FHIR completion names that variant', async () => {
  const session = await learnerSession(stack, 'walter-novak', 1);
  const response = await call(
    session,
    'POST',
    '/api/completions',
    completion(session, { optionId: optionOf(definition, 'harder', true), variant: 'harder' }),
  );
  expect(response.status).toBe(200);
  const { credit } = completionResponseSchema.parse(response.body);
  expect(credit).toMatchObject({ awarded: true, amount: 0.5, score: 1 });

  const provenances = await fetch(`${stack.appUrl}/fhir/Provenance?target=Basic/${credit.id}`, {
    headers: session.headers,
  });
  const provenance = ((await provenances.json()) as Bundle<Provenance>).entry![0]!.resource!;
  const qrRef = provenance.target.find((t) => t.reference?.startsWith('QuestionnaireResponse/'))!;
  const qr = (await (
    await fetch(`${stack.appUrl}/fhir/${qrRef.reference!}`, { headers: session.headers })
  ).json()) as QuestionnaireResponse;
  expect(qr.item![0]).toMatchObject({
    linkId: 'definition.harder',
    answer: [{ valueCoding: { code: optionOf(definition, 'harder', true) } }],
  });
  expect(validateFhir(qr, PROFILE.completion)).toEqual([]);
  const [url, version] = qr.questionnaire!.split('|');
  const found = (await (
    await fetch(
      `${stack.appUrl}/fhir/Questionnaire?url=${encodeURIComponent(url!)}&version=${version!}`,
    )
  ).json()) as Bundle;
  const questionnaire = found.entry![0]!.resource as Questionnaire;
  expect(validateFhir(questionnaire, PROFILE.caseQuestionnaire)).toEqual([]);
  expect(responseProblems(qr, questionnaire)).toEqual([]);

  // Spaced review rated the point by the variant answered: right, so Good.
  const answers = await stack.db
    .selectFrom('review_answers')
    .selectAll()
    .where('learner', '=', session.fhirUser)
    .where('question_id', '=', definition.id)
    .execute();
  expect(answers).toMatchObject([
    { option_id: optionOf(definition, 'harder', true), correct: 1, rating: 'good' },
  ]);
});

test('a wrong answer in the easier variant rates its point Again: the point comes back easier', async () => {
  const session = await learnerSession(stack, 'walter-novak', 2);
  const response = await call(
    session,
    'POST',
    '/api/completions',
    completion(session, { optionId: optionOf(definition, 'easier', false), variant: 'easier' }),
  );
  expect(response.status).toBe(200);
  const point = `${aki.id}:${definition.id}`;
  await stack.db
    .updateTable('review_cards')
    .set({ due: new Date(Date.now() - 60_000).toISOString() })
    .where('learner', '=', session.fhirUser)
    .where('teaching_point', '=', point)
    .execute();
  const due = dueReviewsResponseSchema.parse((await call(session, 'GET', '/api/reviews/due')).body);
  expect(due.reviews).toEqual([
    expect.objectContaining({ teachingPoint: point, questionId: definition.id, variant: 'easier' }),
  ]);
});

test('refreshers are graded per variant; another variant’s option is refused, nothing stored', async () => {
  const session = walter;
  const harder = await call(
    session,
    'POST',
    '/api/reviews',
    review({ variant: 'harder', optionId: optionOf(definition, 'harder', true) }),
  );
  expect(harder.status).toBe(200);
  expect(reviewResponseSchema.parse(harder.body)).toMatchObject({
    correct: true,
    correctOptionId: optionOf(definition, 'harder', true),
    rating: 'easy',
    creditEarned: false,
  });
  const wrongOnEasier = await call(
    session,
    'POST',
    '/api/reviews',
    review({ variant: 'easier', optionId: optionOf(definition, 'easier', false) }),
  );
  expect(reviewResponseSchema.parse(wrongOnEasier.body)).toMatchObject({
    correct: false,
    correctOptionId: optionOf(definition, 'easier', true),
  });

  const before = await count('review_answers');
  for (const [change, field] of [
    [{ optionId: optionOf(definition, 'harder', true) }, 'optionId'],
    [{ variant: 'easier', optionId: optionOf(definition, 'harder', true) }, 'optionId'],
    [{ questionId: 'follow-up', variant: 'harder' }, 'variant'],
  ] as const) {
    const refused = await call(session, 'POST', '/api/reviews', review(change));
    expect([refused.status, ...errorOf(refused.body)]).toEqual([422, 'ANSWERS_INVALID', field]);
  }
  expect(await count('review_answers')).toBe(before);
});

test('two confident right answers make a point well retained: the server picks its harder variant', async () => {
  // The third clinician: so far only the AKI case's points (previous test).
  const session = await learnerSession(stack, 'walter-novak', 2);
  const asb = cases.find((c) => c.id === 'asb-bacteriuria-older-adult')!;
  const nextStep = asb.questions.find((q) => q.id === 'next-step')!;
  const point = `${asb.id}:${nextStep.id}`;
  const variant = async () =>
    pointStatesResponseSchema
      .parse((await call(session, 'GET', '/api/reviews/points')).body)
      .points.find((p) => p.teachingPoint === point)?.variant;
  const answer = (correct: boolean) =>
    call(
      session,
      'POST',
      '/api/reviews',
      review({
        caseId: asb.id,
        caseVersion: asb.version,
        questionId: nextStep.id,
        optionId: optionOf(nextStep, 'standard', correct),
      }),
    );
  expect(await variant()).toBeUndefined();
  expect((await answer(true)).status).toBe(200);
  expect(await variant()).toBe('standard');
  await answer(true);
  expect(await variant()).toBe('harder');
  await answer(false);
  expect(await variant()).toBe('easier');
});
