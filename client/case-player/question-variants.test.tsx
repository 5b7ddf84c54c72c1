import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, expect, test } from 'vitest';
import type { MicroCase, QuestionBody } from '../../core/micro-case/micro-case-schema';
import type {
  DueReviewsResponse,
  PointStatesResponse,
  ReviewResponse,
} from '../../core/wire/learner';
import { App } from '../app';
import { library, matchingContext, sepsisCase } from '../case-picker/test-support/library-fixture';
import {
  DUE_REVIEWS_URL,
  POINTS_URL,
  serveLibrary,
} from '../case-picker/test-support/library-server';
import { completions, type CompletionCall } from '../credits/test-support/credit-api';
import { fakeCreditAccess } from '../credits/test-support/fake-credit-access';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { settlePatientContext } from '../patient-context/use-patient-context';
import { pressButton, tabTo } from './test-support/keyboard';

const text = (en: string, es: string) => ({ en, es });
/** A variant whose correct option is `${prefix}-right`. */
const variant = (prefix: string, en: string, es: string): QuestionBody => ({
  prompt: text(en, es),
  options: ['right', 'wrong-1', 'wrong-2'].map((id) => ({
    id: `${prefix}-${id}`,
    text: text(`${prefix} ${id}`, `${prefix} ${id} (es)`),
    correct: id === 'right',
    feedback: text(`Feedback ${prefix} ${id}.`, `Comentario ${prefix} ${id}.`),
    citations: ['ssc-2021'],
  })),
});
const withVariants: MicroCase = {
  ...sepsisCase,
  questions: sepsisCase.questions.map((q) =>
    q.id === 'q1'
      ? {
          ...q,
          variants: {
            easier: variant('easy', 'An easier sepsis question?', '¿Pregunta más sencilla?'),
            harder: variant('hard', 'A harder sepsis question?', '¿Pregunta más difícil?'),
          },
        }
      : q,
  ),
};
const server = serveLibrary({
  ...library,
  cases: library.cases.map((c) => (c.id === sepsisCase.id ? withVariants : c)),
});
afterEach(cleanup);

function servePoints(variants: Record<string, 'standard' | 'easier' | 'harder'>) {
  const body: PointStatesResponse = {
    points: Object.entries(variants).map(([question, v]) => ({
      teachingPoint: `${sepsisCase.id}:${question}`,
      lastCorrect: v !== 'easier',
      lastAnsweredAt: '2026-11-01T09:00:00.000Z',
      due: '2026-12-20T09:00:00.000Z',
      variant: v,
    })),
  };
  server.use(http.get(POINTS_URL, () => HttpResponse.json(body)));
}

function renderApp(language = 'en') {
  const load = () => Promise.resolve(matchingContext());
  return renderInLanguage(
    <App firstLoad={settlePatientContext(load())} reload={load} access={fakeCreditAccess()} />,
    language,
  );
}

async function startCase(language = 'en') {
  const user = userEvent.setup();
  renderApp(language);
  const start =
    language === 'en'
      ? 'Start case: Sepsis: the first hour'
      : 'Empezar caso: Sepsis: la primera hora';
  await screen.findByRole('button', { name: start });
  await pressButton(user, start);
  return user;
}

test('a well-retained point: the player asks the harder version, says so, and sends which it was', async () => {
  servePoints({ q1: 'harder', q2: 'harder' });
  const calls: CompletionCall[] = [];
  server.use(completions(calls));
  const user = await startCase();
  const group = await screen.findByRole('group', { name: 'A harder sepsis question?' });
  expect(screen.getByText('Harder question — you know this one well')).toBeTruthy();
  expect(screen.queryByRole('group', { name: 'Sepsis question 1?' })).toBeNull();
  await user.click(screen.getByRole('radio', { name: 'hard right' }));
  await pressButton(user, 'Check answer');
  expect(await screen.findByText('Feedback hard right.')).toBeTruthy();
  expect(group).toBeTruthy();
  await pressButton(user, 'Next question');
  // q2 has no harder version: the authored question, with no note.
  await screen.findByRole('group', { name: 'Sepsis question 2?' });
  expect(screen.queryByText('Harder question — you know this one well')).toBeNull();
  for (const [option, next] of [
    ['Sepsis q2 option b', 'Next question'],
    ['Sepsis q3 option c', 'See key points'],
  ] as const) {
    await user.click(await screen.findByRole('radio', { name: option }));
    await pressButton(user, 'Check answer');
    await pressButton(user, next);
  }
  await tabTo(user, screen.getByRole('textbox', { name: '3. Application to practice' }));
  await user.keyboard('Re-measure lactate within 2 hours.');
  await pressButton(user, 'Finish case');
  await screen.findByText('You answered 3 of 3 questions correctly at the first try.');
  expect(calls[0]?.body.answers).toEqual([
    { questionId: 'q1', optionId: 'hard-right', variant: 'harder' },
    { questionId: 'q2', optionId: 'b' },
    { questionId: 'q3', optionId: 'c' },
  ]);
});

test('a point last missed: the easier version, with its note in Spanish', async () => {
  servePoints({ q1: 'easier' });
  await startCase('es');
  expect(await screen.findByRole('group', { name: '¿Pregunta más sencilla?' })).toBeTruthy();
  expect(
    screen.getByText('Versión más sencilla: un paso atrás para afianzar este punto'),
  ).toBeTruthy();
});

test('no history: the standard question, no note', async () => {
  await startCase();
  expect(await screen.findByRole('group', { name: 'Sepsis question 1?' })).toBeTruthy();
  expect(screen.queryByText(/Harder question|Easier version/)).toBeNull();
});

test('a due refresher is asked in the variant the server picked, and says which it answered', async () => {
  const sent: unknown[] = [];
  server.use(
    http.get(DUE_REVIEWS_URL, () =>
      HttpResponse.json({
        reviews: [
          {
            teachingPoint: `${sepsisCase.id}:q1`,
            caseId: sepsisCase.id,
            caseVersion: sepsisCase.version,
            questionId: 'q1',
            variant: 'harder',
            topic: 'sepsis',
            due: '2026-11-25T12:00:00.000Z',
            lastAnswer: { correct: true, at: '2026-11-01T12:00:00.000Z' },
          },
        ],
      } satisfies DueReviewsResponse),
    ),
    http.post('*/api/reviews', async ({ request }) => {
      const body = (await request.json()) as { reviewId: string };
      sent.push(body);
      return HttpResponse.json({
        reviewId: body.reviewId,
        teachingPoint: `${sepsisCase.id}:q1`,
        correct: true,
        correctOptionId: 'hard-right',
        rating: 'good',
        nextDue: '2026-12-20T12:00:00.000Z',
        creditEarned: false,
      } satisfies ReviewResponse);
    }),
  );
  const user = userEvent.setup();
  renderApp();
  const refresher = await screen.findByRole('region', { name: 'Due for review' });
  await within(refresher).findByRole('group', { name: 'A harder sepsis question?' });
  await user.click(within(refresher).getByRole('radio', { name: 'hard right' }));
  await pressButton(user, 'Check answer');
  await within(refresher).findByText('Feedback hard right.');
  expect(sent).toEqual([
    expect.objectContaining({ questionId: 'q1', optionId: 'hard-right', variant: 'harder' }),
  ]);
});
