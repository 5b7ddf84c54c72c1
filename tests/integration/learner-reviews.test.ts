import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { transcriptResponseSchema } from '../../core/wire/completion';
import {
  dueReviewsResponseSchema,
  learnerExportSchema,
  reviewResponseSchema,
  type DueReview,
  type LearnerExport,
} from '../../core/wire/learner';
import { loadCaseLibrary } from '../../server/library/case-library';
import { completionBody } from '../support/completion-body';
import { learnerSession, type LearnerSession } from '../support/learner-session';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let sepsis: MicroCase;
let maria: LearnerSession;
let missedQuestion: MicroCase['questions'][number];

beforeAll(async () => {
  stack = await startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } });
  sepsis = (
    await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' })
  ).cases.find((c) => c.topic === 'sepsis')!;
  missedQuestion = sepsis.questions[0]!;
  maria = await learnerSession(stack, 'maria-santos');
  // Maria completes the case, missing its first question.
  const body = completionBody(sepsis, maria);
  (body.answers as { questionId: string; optionId: string }[])[0]!.optionId =
    missedQuestion.options.find((o) => !o.correct)!.id;
  const response = await fetch(`${stack.appUrl}/api/completions`, {
    method: 'POST',
    headers: maria.headers,
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
});
afterAll(() => stack.close());

const missedPoint = (): string => `${sepsis.id}:${missedQuestion.id}`;

async function call(
  session: LearnerSession | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${stack.appUrl}${path}`, {
    method,
    headers: session?.headers ?? { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}
const dueFor = async (session: LearnerSession): Promise<DueReview[]> =>
  dueReviewsResponseSchema.parse((await call(session, 'GET', '/api/reviews/due')).body).reviews;
const exportOf = async (session: LearnerSession): Promise<LearnerExport> =>
  learnerExportSchema.parse((await call(session, 'GET', '/api/profile/export')).body);
const errorOf = (body: unknown): [unknown, unknown] => {
  const issue = (
    body as { issue: { details: { coding: { code: string }[] }; expression?: string[] }[] }
  ).issue[0];
  return [issue?.details.coding[0]?.code, issue?.expression?.[0]];
};
const count = async (table: 'ledger' | 'review_answers'): Promise<number> =>
  Number(
    (
      await stack.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const review = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  reviewId: crypto.randomUUID(),
  caseId: sepsis.id,
  caseVersion: sepsis.version,
  questionId: missedQuestion.id,
  optionId: missedQuestion.options.find((o) => o.correct)!.id,
  confidence: 'sure',
  seconds: 35,
  ...overrides,
});
/** Time passing, as the store sees it: the missed point's due time moves into the past. */
const makeDue = (point: string): Promise<unknown> =>
  stack.db
    .updateTable('review_cards')
    .set({ due: new Date(Date.now() - 60_000).toISOString() })
    .where('teaching_point', '=', point)
    .execute();

test('completing a case rates each of its points: the missed one comes back sooner', async () => {
  const body = await exportOf(maria);
  const due = new Map(body.reviewCards.map((c) => [c.teachingPoint, Date.parse(c.card.due)]));
  expect(due.size).toBe(sepsis.questions.length);
  const others = sepsis.questions.slice(1).map((q) => due.get(`${sepsis.id}:${q.id}`)!);
  expect(due.get(missedPoint())).toBeLessThan(Math.min(...others));
  expect(body.reviewAnswers.every((a) => a.source === 'completion')).toBe(true);
});

test('a missed point is not offered before it is due, and is once it is', async () => {
  expect(await dueFor(maria)).toEqual([]);
  await makeDue(missedPoint());
  expect(await dueFor(maria)).toEqual([
    expect.objectContaining({
      teachingPoint: missedPoint(),
      caseId: sepsis.id,
      caseVersion: sepsis.version,
      questionId: missedQuestion.id,
      topic: 'sepsis',
      lastAnswer: expect.objectContaining({ correct: false }) as unknown,
    }),
  ]);
});

test('answering a refresher earns no second credit: one ledger row, one credit on the transcript', async () => {
  await makeDue(missedPoint());
  const ledgerRows = await count('ledger');
  const response = await call(maria, 'POST', '/api/reviews', review());
  expect(response.status).toBe(200);
  const body = reviewResponseSchema.parse(response.body);
  expect(body).toMatchObject({
    teachingPoint: missedPoint(),
    correct: true,
    rating: 'good',
    creditEarned: false,
  });
  expect(Date.parse(body.nextDue)).toBeGreaterThan(Date.now());
  expect(await count('ledger')).toBe(ledgerRows);
  const transcript = transcriptResponseSchema.parse(
    (await call(maria, 'GET', '/api/credits')).body,
  );
  expect(transcript.total).toBe(0.5);
  expect(transcript.credits).toHaveLength(1);
  expect(await dueFor(maria)).toEqual([]);
});

test('the same refresher sent again answers the same and records nothing', async () => {
  const body = review({ optionId: missedQuestion.options.find((o) => !o.correct)!.id });
  const first = await call(maria, 'POST', '/api/reviews', body);
  const answers = await count('review_answers');
  const again = await call(maria, 'POST', '/api/reviews', body);
  expect(again).toEqual(first);
  expect(await count('review_answers')).toBe(answers);
});

test.each([
  ['an unknown case', 422, 'CASE_UNKNOWN', 'caseId', { caseId: 'no-such-case' }],
  ['an unknown version', 422, 'CASE_UNKNOWN', 'caseId', { caseVersion: '9.9.9' }],
  ['an unknown question', 422, 'ANSWERS_INVALID', 'questionId', { questionId: 'nope' }],
  ['an unknown option', 422, 'ANSWERS_INVALID', 'optionId', { optionId: 'nope' }],
  ['a malformed review id', 400, 'REQUEST_INVALID', 'reviewId', { reviewId: 'x' }],
  ['an unknown confidence', 400, 'REQUEST_INVALID', 'confidence', { confidence: 'maybe' }],
  ['an extra field', 400, 'REQUEST_INVALID', '(body)', { credit: 0.5 }],
] as const)(
  'a refresher with %s is refused with %i %s naming %s, and nothing is stored',
  async (_label, status, code, field, change) => {
    const answers = await count('review_answers');
    const response = await call(maria, 'POST', '/api/reviews', review(change));
    expect([response.status, ...errorOf(response.body)]).toEqual([status, code, field]);
    expect(await count('review_answers')).toBe(answers);
  },
);

test('another learner sees none of Maria’s review state', async () => {
  const colleague = await learnerSession(stack, 'maria-santos', 1);
  await makeDue(missedPoint());
  expect(await dueFor(colleague)).toEqual([]);
  const theirs = await exportOf(colleague);
  expect([theirs.reviewCards, theirs.reviewAnswers, theirs.credits]).toEqual([[], [], []]);
});

test('review routes need a session', async () => {
  for (const [method, path] of [
    ['GET', '/api/reviews/due'],
    ['POST', '/api/reviews'],
  ] as const) {
    const response = await call(undefined, method, path, method === 'POST' ? review() : undefined);
    expect([response.status, errorOf(response.body)[0]]).toEqual([401, 'SESSION_REQUIRED']);
  }
});
