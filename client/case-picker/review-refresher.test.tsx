import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, expect, test } from 'vitest';
import type { DueReviewsResponse, ReviewResponse } from '../../core/wire/learner';
import { App } from '../app';
import { fakeCreditAccess, SESSION_TOKEN } from '../credits/test-support/fake-credit-access';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { settlePatientContext } from '../patient-context/use-patient-context';
import { matchingContext, sepsisCase } from './test-support/library-fixture';
import { DUE_REVIEWS_URL, serveLibrary } from './test-support/library-server';

const server = serveLibrary();
afterEach(cleanup);

const due: DueReviewsResponse = {
  reviews: [
    {
      teachingPoint: `${sepsisCase.id}:q2`,
      caseId: sepsisCase.id,
      caseVersion: sepsisCase.version,
      questionId: 'q2',
      topic: 'sepsis',
      due: '2026-11-25T12:00:00.000Z',
      lastAnswer: { correct: false, at: '2026-11-24T12:00:00.000Z' },
    },
  ],
};

function renderApp(language = 'en') {
  const load = () => Promise.resolve(matchingContext());
  return renderInLanguage(
    <App firstLoad={settlePatientContext(load())} reload={load} access={fakeCreditAccess()} />,
    language,
  );
}

function serveReviews(sent: unknown[], answer: Partial<ReviewResponse> = {}) {
  server.use(
    http.get(DUE_REVIEWS_URL, ({ request }) =>
      request.headers.get('authorization') === `Bearer ${SESSION_TOKEN}`
        ? HttpResponse.json(due)
        : new HttpResponse(null, { status: 401 }),
    ),
    http.post('*/api/reviews', async ({ request }) => {
      const body = (await request.json()) as { reviewId: string };
      sent.push(body);
      return HttpResponse.json({
        reviewId: body.reviewId,
        teachingPoint: `${sepsisCase.id}:q2`,
        correct: true,
        correctOptionId: 'b',
        rating: 'easy',
        nextDue: '2026-12-20T12:00:00.000Z',
        creditEarned: false,
        ...answer,
      } satisfies ReviewResponse);
    }),
  );
}

test('a due point comes back as one question, answered with confidence, graded, and no credit claimed', async () => {
  const sent: unknown[] = [];
  serveReviews(sent);
  const user = userEvent.setup();
  renderApp();

  const refresher = await screen.findByRole('region', { name: 'Due for review' });
  expect(within(refresher).getByText(/Reviews earn no new credit/)).toBeTruthy();
  const question = within(refresher).getByRole('group', { name: 'Sepsis question 2?' });
  await user.click(within(question).getByRole('radio', { name: 'Sepsis q2 option b' }));
  await user.click(within(refresher).getByRole('radio', { name: 'Very sure' }));
  await user.click(within(refresher).getByRole('button', { name: 'Check answer' }));

  expect(await within(refresher).findByRole('heading', { name: /Correct/ })).toBeTruthy();
  expect(within(refresher).getByText(/^Next review of this point: Dec 20, 2026\.$/)).toBeTruthy();
  expect(sent).toEqual([
    expect.objectContaining({
      caseId: sepsisCase.id,
      caseVersion: sepsisCase.version,
      questionId: 'q2',
      optionId: 'b',
      confidence: 'very-sure',
    }),
  ]);
  await user.click(within(refresher).getByRole('button', { name: 'Done for now' }));
  expect(screen.queryByRole('region', { name: 'Due for review' })).toBeNull();
});

test('checking without an answer asks for one and sends nothing', async () => {
  const sent: unknown[] = [];
  serveReviews(sent);
  const user = userEvent.setup();
  renderApp('es');

  const refresher = await screen.findByRole('region', { name: 'Para repasar' });
  await user.click(within(refresher).getByRole('button', { name: 'Comprobar respuesta' }));
  expect(within(refresher).getByText('Elija primero una respuesta.')).toBeTruthy();
  expect(sent).toEqual([]);
});
