import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, expect, test } from 'vitest';
import type { PatientContext } from '../../core/patient-context';
import { App } from '../app';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { localLearnerHistory } from '../learner-history/local-learner-history';
import { settlePatientContext } from '../patient-context/use-patient-context';
import { library, matchingContext } from './test-support/library-fixture';
import { HISTORY_URL, serveLibrary } from './test-support/library-server';
import { fakeCreditAccess } from '../credits/test-support/fake-credit-access';

const libraryServer = serveLibrary();
afterEach(cleanup);

function renderApp(context: PatientContext = matchingContext(), language = 'en') {
  const load = () => Promise.resolve(context);
  return renderInLanguage(
    <App firstLoad={settlePatientContext(load())} reload={load} access={fakeCreditAccess()} />,
    language,
  );
}

const topMatch = () => screen.findByRole('article', { name: 'Sepsis: the first hour' });

test('the top match shows its summary, length, difficulty and why it fits this patient', async () => {
  renderApp();

  const top = await topMatch();
  expect(within(top).getByText('About 7 min · Intermediate · Sepsis')).toBeTruthy();
  expect(within(top).getByText('Why Sepsis: the first hour matters now.')).toBeTruthy();
  const reasons = within(within(top).getByRole('list', { name: 'Why this case' })).getAllByRole(
    'listitem',
  );
  expect(reasons.map((item) => item.textContent)).toEqual([
    expect.stringMatching(/^Lactate 4\.1 mmol\/L on \d{4}-\d{2}-\d{2} ≥ 2 mmol\/L$/),
    'Sepsis (ICD-10-CM A41.9) on the problem list',
  ]);
  expect(
    within(top).getByRole('button', { name: 'Start case: Sepsis: the first hour' }),
  ).toBeTruthy();
});

test('two alternatives follow the top match, each with its first reason', async () => {
  renderApp();

  const others = await screen.findByRole('region', { name: 'Other matches' });
  const items = within(others).getAllByRole('listitem');
  expect(items.map((item) => item.querySelector('.item-name')?.textContent)).toEqual([
    'Anticoagulation check',
    'Type 2 diabetes: next step',
  ]);
  expect(items[0]?.textContent).toContain('Warfarin');
  expect(
    within(others).getByRole('button', { name: 'Start case: Type 2 diabetes: next step' }),
  ).toBeTruthy();
});

test('"Not relevant" re-ranks the suggestions and is remembered after a reload', async () => {
  const user = userEvent.setup();
  renderApp();
  await topMatch();

  await user.click(screen.getByRole('button', { name: 'Not relevant' }));

  const next = await screen.findByRole('article', { name: 'Anticoagulation check' });
  expect(document.activeElement).toBe(within(next).getByRole('heading', { level: 3 }));
  expect(screen.queryByRole('article', { name: 'Sepsis: the first hour' })).toBeNull();
  expect(screen.getByText(/Marked “Sepsis: the first hour” as not relevant/)).toBeTruthy();
  await waitFor(async () => {
    expect(await localLearnerHistory('Practitioner/dr-ada').loadHistory()).toMatchObject([
      { caseId: 'sepsis-hour-one', outcome: 'dismissed' },
    ]);
  });

  cleanup();
  renderApp();
  expect(await screen.findByRole('article', { name: 'Anticoagulation check' })).toBeTruthy();
  expect(screen.queryByRole('article', { name: 'Sepsis: the first hour' })).toBeNull();
});

test('a case the clinician dismissed on a CDS card in the chart is lowered in the app too', async () => {
  libraryServer.use(
    http.get(HISTORY_URL, () =>
      HttpResponse.json({
        history: [
          { caseId: 'sepsis-hour-one', outcome: 'dismissed', at: new Date().toISOString() },
        ],
      }),
    ),
  );
  renderApp();

  expect(await screen.findByRole('article', { name: 'Anticoagulation check' })).toBeTruthy();
  expect(screen.queryByRole('article', { name: 'Sepsis: the first hour' })).toBeNull();
});

test('a case marked not relevant is not suggested again, even when nothing else matches', async () => {
  const user = userEvent.setup();
  const context = matchingContext();
  renderApp({ ...context, conditions: context.conditions.slice(0, 1), medications: [] });
  await topMatch();
  expect(screen.queryByRole('region', { name: 'Other matches' })).toBeNull();

  await user.click(screen.getByRole('button', { name: 'Not relevant' }));

  const message = await screen.findByText(/You marked the matching cases as not relevant/);
  expect(document.activeElement).toBe(message);
  expect(screen.queryByRole('article')).toBeNull();
  expect(
    screen.getByRole('button', { name: 'Browse all cases' }).getAttribute('aria-expanded'),
  ).toBe('true');
});

test('"Browse all cases" lists the whole library and filters it by title or topic', async () => {
  const user = userEvent.setup();
  renderApp();
  await topMatch();
  const toggle = screen.getByRole('button', { name: 'Browse all cases' });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');

  await user.click(toggle);

  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  const search = screen.getByRole('searchbox', { name: 'Search cases by title or topic' });
  const list = () => screen.getByRole('list', { name: 'All cases' });
  expect(within(list()).getAllByRole('listitem')).toHaveLength(4);
  expect(screen.getByText('4 cases')).toBeTruthy();
  await user.type(search, 'asthma');
  expect(
    within(list())
      .getAllByRole('listitem')
      .map((item) => item.firstChild?.textContent),
  ).toEqual(['Asthma: stepping up']);
  expect(screen.getByText('1 case')).toBeTruthy();
  await user.clear(search);
  await user.type(search, 'venous thrombo');
  expect(
    within(list()).getByRole('button', { name: 'Start case: Anticoagulation check' }),
  ).toBeTruthy();
  await user.clear(search);
  await user.type(search, 'gout');
  expect(screen.getByText('No case matches your search.')).toBeTruthy();
});

test('when nothing matches, it says so and opens the whole library', async () => {
  renderApp(matchingContext({ conditions: [], observations: [], medications: [] }));

  expect(
    await screen.findByText(/No case in the library matches this patient's chart right now/),
  ).toBeTruthy();
  expect(
    screen.getByRole('button', { name: 'Browse all cases' }).getAttribute('aria-expanded'),
  ).toBe('true');
  expect(screen.getByRole('button', { name: 'Start case: Asthma: stepping up' })).toBeTruthy();
});

test('a case named by a CDS Hooks card opens directly, with the suggestions behind it', async () => {
  const user = userEvent.setup();
  const context = matchingContext();
  renderApp({
    ...context,
    launch: { ...context.launch, appContext: '{"caseId":"t2dm-next-step","cardId":"c-1"}' },
  });

  const title = await screen.findByRole('heading', {
    level: 2,
    name: 'Type 2 diabetes: next step',
  });
  // Focus moves in an effect after the render: wait for it rather than racing it.
  await waitFor(() => {
    expect(document.activeElement).toBe(title);
  });
  expect(screen.getByRole('heading', { name: 'Question 1 of 3' })).toBeTruthy();
  expect(screen.queryByRole('region', { name: /Active problems/ })).toBeNull();

  await user.click(screen.getByRole('button', { name: 'Back to suggestions' }));

  const heading = await screen.findByRole('heading', { name: 'Micro-case for this patient' });
  await waitFor(() => {
    expect(document.activeElement).toBe(heading);
  });
  expect(screen.getByRole('region', { name: /Active problems/ })).toBeTruthy();
  expect(await topMatch()).toBeTruthy();
});

test('an invalid /api/library response shows a clear error naming the field', async () => {
  libraryServer.answerWith(() =>
    HttpResponse.json({ cases: [{ id: 'broken-case' }], valueSets: [] }),
  );
  renderApp();

  const alert = await screen.findByRole('alert');
  expect(within(alert).getByRole('heading').textContent).toBe('The case library could not be read');
  expect(alert.textContent).toContain('tell your Chartside administrator');
  expect(alert.textContent).toMatch(/at cases\.0\.\w+/);
  expect(within(alert).queryByRole('button')).toBeNull();
  expect(screen.getByRole('region', { name: /Latest labs/ })).toBeTruthy();
});

test('a library outage offers to try again, and trying again loads it', async () => {
  const user = userEvent.setup();
  libraryServer.answerWith(() => new HttpResponse(null, { status: 503 }));
  renderApp();

  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('The case library could not be loaded');
  libraryServer.answerWith(() => HttpResponse.json(library));
  await user.click(within(alert).getByRole('button', { name: 'Try again' }));

  expect(await topMatch()).toBeTruthy();
  await waitFor(() => {
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

test('the picker and the case content are in Spanish when the browser prefers Spanish', async () => {
  renderApp(matchingContext(), 'es-MX');

  const top = await screen.findByRole('article', { name: 'Sepsis: la primera hora' });
  expect(screen.getByRole('heading', { name: 'Microcaso para este paciente' })).toBeTruthy();
  expect(within(top).getByText('Unos 7 min · Intermedio · Sepsis')).toBeTruthy();
  expect(within(top).getByText('Sepsis (CIE-10-MC A41.9) en la lista de problemas')).toBeTruthy();
  expect(within(top).getByRole('button', { name: 'No es relevante' })).toBeTruthy();
  expect(
    within(top).getByRole('button', { name: 'Empezar caso: Sepsis: la primera hora' }),
  ).toBeTruthy();
});
