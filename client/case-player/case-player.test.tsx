import { cleanup, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { App } from '../app';
import { matchingContext } from '../case-picker/test-support/library-fixture';
import { serveLibrary } from '../case-picker/test-support/library-server';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { settlePatientContext } from '../patient-context/use-patient-context';
import { answerWithKeyboard, pressButton } from './test-support/keyboard';
import { fakeCreditAccess } from '../credits/test-support/fake-credit-access';

serveLibrary();
afterEach(cleanup);

function renderApp(language = 'en') {
  const load = () => Promise.resolve(matchingContext());
  return renderInLanguage(
    <App firstLoad={settlePatientContext(load())} reload={load} access={fakeCreditAccess()} />,
    language,
  );
}

async function startSepsisCase(user: UserEvent) {
  await screen.findByRole('article', { name: 'Sepsis: the first hour' });
  await pressButton(user, 'Start case: Sepsis: the first hour');
  return screen.findByRole('heading', { level: 2, name: 'Sepsis: the first hour' });
}

test('the case opens on its title with the stem, this patient values and the disclosure', async () => {
  const user = userEvent.setup();
  renderApp();

  const title = await startSepsisCase(user);

  expect(document.activeElement).toBe(title);
  expect(screen.getByText('A 67-year-old is febrile and confused.')).toBeTruthy();
  const patient = screen.getByRole('region', { name: 'Your patient' });
  expect(within(patient).getByText('Lactate').nextSibling?.textContent).toMatch(/^4\.1 mmol\/L · /);
  expect(within(patient).getByText('Diagnosis').nextSibling?.textContent).toMatch(
    /^Sepsis \(ICD-10-CM A41\.9\) on the problem list · /,
  );
  expect(
    screen.getByText('This case has not yet been reviewed by a clinician reviewer.'),
  ).toBeTruthy();
  // jsdom does not treat <summary> as focusable, as browsers do: click it here.
  const summary = screen.getByText('Disclosures: authors, reviewers and review dates');
  await user.click(summary);
  expect(summary.parentElement?.hasAttribute('open')).toBe(true);
  expect(screen.getByText('Not yet reviewed')).toBeTruthy();
  expect(screen.getByText('AI assistance')).toBeTruthy();
});

test('every question can be answered with the keyboard alone, with feedback and citations', async () => {
  const user = userEvent.setup();
  renderApp();
  await startSepsisCase(user);
  const bar = screen.getByRole('progressbar', { name: '0 of 3 questions answered' });
  expect(bar.getAttribute('value')).toBe('0');
  expect(screen.getByText('About 7 min left')).toBeTruthy();
  expect(screen.getByRole('group', { name: 'Sepsis question 1?' })).toBeTruthy();

  await answerWithKeyboard(user, 0);

  const verdict = await screen.findByRole('heading', { name: 'Correct' });
  expect(document.activeElement).toBe(verdict);
  const feedback = screen.getByRole('region', { name: 'Correct' });
  expect(within(feedback).getByText('Feedback on q1 a.')).toBeTruthy();
  expect(
    within(feedback).getByText('Surviving Sepsis Campaign: international guidelines 2021'),
  ).toBeTruthy();
  expect(
    within(feedback)
      .getByRole('link', { name: /^doi:10\.1007\/s00134-021-06506-y/ })
      .getAttribute('href'),
  ).toBe('https://doi.org/10.1007/s00134-021-06506-y');
  expect(screen.getByText('✓ Your answer, correct')).toBeTruthy();
  expect(screen.getByRole('progressbar', { name: '1 of 3 questions answered' })).toBe(bar);
  expect(bar.getAttribute('value')).toBe('1');

  await pressButton(user, 'Next question');
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Question 2 of 3' }));
  await answerWithKeyboard(user, 0);

  const wrong = await screen.findByRole('region', { name: 'Incorrect' });
  expect(document.activeElement).toBe(within(wrong).getByRole('heading', { name: 'Incorrect' }));
  expect(within(wrong).getByText('Feedback on q2 a.')).toBeTruthy();
  expect(within(wrong).getByText('The correct answer:').parentElement?.textContent).toBe(
    'The correct answer: Sepsis q2 option b',
  );
  expect(within(wrong).getByText('Feedback on q2 b.')).toBeTruthy();
  expect(
    within(wrong)
      .getByRole('link', { name: /qualitynet\.cms\.gov/ })
      .getAttribute('href'),
  ).toBe('https://qualitynet.cms.gov/inpatient/measures/sep-1');
  expect(screen.getByText('✗ Your answer, incorrect')).toBeTruthy();
  expect(screen.getByText('✓ Correct answer')).toBeTruthy();

  await pressButton(user, 'Next question');
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Question 3 of 3' }));
  await answerWithKeyboard(user, 2);
  expect(await screen.findByRole('heading', { name: 'Correct' })).toBeTruthy();
  expect(bar.getAttribute('value')).toBe('3');

  await pressButton(user, 'See key points');
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Key points' }));
  expect(screen.getByText('Key point 1 of sepsis-hour-one.')).toBeTruthy();
  expect(screen.getByRole('progressbar', { name: '3 of 3 questions answered' })).toBeTruthy();
});

test('"Check answer" without a choice asks for one and moves to the options', async () => {
  const user = userEvent.setup();
  renderApp();
  await startSepsisCase(user);

  await pressButton(user, 'Check answer');

  expect(screen.getByText('Choose an answer first.')).toBeTruthy();
  expect(document.activeElement).toBe(screen.getAllByRole('radio')[0]);
  expect(screen.queryByRole('region', { name: /Correct|Incorrect/ })).toBeNull();
});
