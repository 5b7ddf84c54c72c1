import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { App } from '../app';
import { matchingContext } from '../case-picker/test-support/library-fixture';
import { serveLibrary } from '../case-picker/test-support/library-server';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { localLearnerHistory } from '../learner-history/local-learner-history';
import { settlePatientContext } from '../patient-context/use-patient-context';
import { pressButton, tabTo } from './test-support/keyboard';
import { SPANISH, playSepsisCaseToKeyPoints } from './test-support/play-sepsis-case';

serveLibrary();
afterEach(cleanup);

function renderApp(language = 'en') {
  const load = () => Promise.resolve(matchingContext());
  return renderInLanguage(<App firstLoad={settlePatientContext(load())} reload={load} />, language);
}

const pending = () => localLearnerHistory('Practitioner/dr-ada').pendingAttempts();

test('the reflection needs an application to practice before the case can finish', async () => {
  const user = userEvent.setup();
  renderApp();
  await playSepsisCaseToKeyPoints(user);
  const reflection = screen.getByRole('form', { name: 'Point-of-care reflection' });
  const question = within(reflection).getByRole<HTMLTextAreaElement>('textbox', {
    name: '1. Your clinical question',
  });
  expect(question.value).toBe('What should I do next for sepsis-hour-one?');
  const sources = within(reflection).getByRole('list', { name: '2. Sources consulted' });
  expect(within(sources).getAllByRole('listitem')).toHaveLength(2);

  await pressButton(user, 'Finish case');

  const application = within(reflection).getByRole('textbox', {
    name: '3. Application to practice',
  });
  expect(document.activeElement).toBe(application);
  expect(application.getAttribute('aria-invalid')).toBe('true');
  const error = screen.getByText('Describe how you will apply this to your practice.');
  expect(error.id).not.toBe('');
  expect(application.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
  expect(screen.queryByRole('heading', { name: 'Case complete' })).toBeNull();
  expect(await pending()).toEqual([]);
});

test('a finished case shows the score and is kept on this device across a reload', async () => {
  const user = userEvent.setup();
  renderApp();
  await playSepsisCaseToKeyPoints(user);
  const question = screen.getByRole('textbox', { name: '1. Your clinical question' });
  await tabTo(user, question);
  await user.keyboard('{Control>}a{/Control}{Backspace}');
  await user.keyboard('Fluids for lactate 4.1?');
  await tabTo(user, screen.getByRole('textbox', { name: '3. Application to practice' }));
  await user.keyboard('Re-measure lactate within 2 hours.');

  await pressButton(user, 'Finish case');

  const heading = await screen.findByRole('heading', { name: 'Case complete' });
  expect(document.activeElement).toBe(heading);
  expect(
    screen.getByText('You answered 2 of 3 questions correctly at the first try.'),
  ).toBeTruthy();
  expect(screen.getByText(/Credit recording is not available yet/).textContent).toContain(
    'Your completion is saved on this device',
  );
  const [attempt] = await pending();
  expect(attempt).toMatchObject({
    caseId: 'sepsis-hour-one',
    caseVersion: '1.0.0',
    encounterId: 'enc-1',
    openedFrom: 'suggestion',
    matchedCriteria: ['lactate', 'sepsis-dx'],
    language: 'en',
    answers: [
      { questionId: 'q1', optionId: 'a', correct: true },
      { questionId: 'q2', optionId: 'a', correct: false },
      { questionId: 'q3', optionId: 'c', correct: true },
    ],
    reflection: {
      clinicalQuestion: 'Fluids for lactate 4.1?',
      sourcesConsulted: ['ssc-2021', 'sep-1'],
      applicationToPractice: 'Re-measure lactate within 2 hours.',
    },
  });
  expect(screen.getByText(attempt!.attemptId)).toBeTruthy();
  expect(Date.parse(attempt!.finishedAt)).toBeGreaterThanOrEqual(Date.parse(attempt!.startedAt));

  cleanup();
  renderApp();
  await screen.findByRole('article', { name: 'Anticoagulation check' });
  expect(await pending()).toEqual([attempt]);
});

test('the case plays in Spanish when the browser prefers Spanish', async () => {
  const user = userEvent.setup();
  renderApp('es-ES');
  await screen.findByRole('article', { name: 'Sepsis: la primera hora' });
  await pressButton(user, SPANISH.start);

  expect(screen.getByRole('group', { name: '¿Sepsis pregunta 1?' })).toBeTruthy();
  expect(screen.getByRole('region', { name: 'Su paciente' }).textContent).toContain('Lactato');
  expect(screen.getByText('Quedan unos 7 min')).toBeTruthy();
  await pressButton(user, 'Volver a las sugerencias');
  await playSepsisCaseToKeyPoints(user, SPANISH);

  expect(screen.getByRole('heading', { name: 'Puntos clave' })).toBeTruthy();
  expect(screen.getByRole('form', { name: 'Reflexión en el punto de atención' })).toBeTruthy();
  expect(
    screen.getByRole<HTMLTextAreaElement>('textbox', { name: '1. Su pregunta clínica' }).value,
  ).toBe('¿Qué hago ahora con sepsis-hour-one?');
});
