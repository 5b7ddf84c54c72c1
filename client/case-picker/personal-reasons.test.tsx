import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, expect, test } from 'vitest';
import type { PointStatesResponse, ProfileResponse } from '../../core/wire/learner';
import { App } from '../app';
import { fakeCreditAccess } from '../credits/test-support/fake-credit-access';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { settlePatientContext } from '../patient-context/use-patient-context';
import { matchingContext, sepsisCase } from './test-support/library-fixture';
import { POINTS_URL, PROFILE_URL, serveLibrary } from './test-support/library-server';

const server = serveLibrary();
afterEach(cleanup);

function renderApp(language = 'en') {
  const load = () => Promise.resolve(matchingContext());
  return renderInLanguage(
    <App firstLoad={settlePatientContext(load())} reload={load} access={fakeCreditAccess()} />,
    language,
  );
}

function serveProfile(profile: Partial<ProfileResponse['profile']>) {
  const body: ProfileResponse = {
    profile: { gaps: [], reporting: {}, ...profile },
    updatedAt: '2026-11-20T09:00:00.000Z',
  };
  server.use(http.get(PROFILE_URL, () => HttpResponse.json(body)));
}

const topMatch = () => screen.findByRole('article', { name: 'Sepsis: the first hour' });

test('the reasons for this learner sit behind a "Why am I seeing this?" button, under the chart reasons', async () => {
  serveProfile({ profession: 'physician', specialty: 'emergency-medicine' });
  const user = userEvent.setup();
  renderApp();

  const top = await topMatch();
  const why = within(top).getByRole('button', { name: /^Why am I seeing this\?/ });
  expect(why.getAttribute('aria-expanded')).toBe('false');
  const panel = document.getElementById(why.getAttribute('aria-controls') ?? '');
  expect(panel?.hidden).toBe(true);
  await user.click(why);
  expect(why.getAttribute('aria-expanded')).toBe('true');
  expect(
    await within(top).findByText('Written for your specialty: emergency medicine'),
  ).toBeTruthy();
  expect(within(top).getByText('Suggested sooner:')).toBeTruthy();
  expect(within(top).getByRole('list', { name: 'Why this case' })).toBeTruthy();
});

test('each alternative has its own disclosure, named with its title', async () => {
  serveProfile({ gaps: ['t2dm'] });
  const user = userEvent.setup();
  renderApp();

  await screen.findByRole('region', { name: 'Other matches' });
  const why = await screen.findByRole('button', {
    name: /^Why am I seeing this\? ?\(Type 2 diabetes: next step\)$/,
  });
  await user.click(why);
  const panel = document.getElementById(why.getAttribute('aria-controls') ?? '');
  expect(panel?.textContent).toContain('Matches your stated gap: type 2 diabetes');
});

test('a teaching point due for review is a reason, from the points the server lists', async () => {
  const points: PointStatesResponse = {
    points: [
      {
        teachingPoint: `${sepsisCase.id}:q1`,
        lastCorrect: false,
        lastAnsweredAt: '2026-10-01T09:00:00.000Z',
        due: '2026-10-05T09:00:00.000Z',
      },
    ],
  };
  server.use(http.get(POINTS_URL, () => HttpResponse.json(points)));
  const user = userEvent.setup();
  renderApp();

  const top = await topMatch();
  await user.click(within(top).getByRole('button', { name: /^Why am I seeing this\?/ }));
  expect(await within(top).findByText('Due for review: 1 of 3 points of this case')).toBeTruthy();
});

test('with nothing personal, the disclosure says the chart alone ranked it, in Spanish too', async () => {
  const user = userEvent.setup();
  renderApp('es');

  const top = await screen.findByRole('article', { name: 'Sepsis: la primera hora' });
  await user.click(within(top).getByRole('button', { name: /^¿Por qué veo esto\?/ }));
  expect(
    within(top).getByText(/Nada de su perfil ni de sus respuestas cambió esta sugerencia/),
  ).toBeTruthy();
});
