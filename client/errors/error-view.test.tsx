import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { ChartsideError, type ChartsideErrorCode } from './chartside-error';
import { ErrorView } from './error-view';

afterEach(cleanup);

function renderError(code: ChartsideErrorCode, language = 'en') {
  const onRetry = vi.fn();
  renderInLanguage(
    <ErrorView error={new ChartsideError(code, 'detail')} onRetry={onRetry} />,
    language,
  );
  return { alert: screen.getByRole('alert'), onRetry };
}

test('SESSION_EXPIRED tells the clinician to reopen Chartside from the chart', () => {
  const { alert } = renderError('SESSION_EXPIRED');

  expect(alert.textContent).toContain('Your EHR session has expired');
  expect(alert.textContent).toContain(
    "Close Chartside and open it again from the patient's chart.",
  );
  expect(screen.queryByRole('button')).toBeNull();
});

test('LAUNCH_MISSING tells the clinician to open Chartside from a chart', () => {
  const { alert } = renderError('LAUNCH_MISSING');

  expect(alert.textContent).toContain(
    "Open Chartside from a patient's chart in your EHR. It cannot be used on its own.",
  );
  expect(screen.queryByRole('button')).toBeNull();
});

test('PATIENT_MISMATCH says nothing is shown and how to recover', () => {
  const { alert } = renderError('PATIENT_MISMATCH');

  expect(alert.textContent).toContain('The data did not match the patient in your chart');
  expect(alert.textContent).toContain('For safety, nothing is shown.');
  expect(screen.queryByRole('button')).toBeNull();
});

test('FHIR_UNAVAILABLE offers to try again', () => {
  const { alert, onRetry } = renderError('FHIR_UNAVAILABLE');

  expect(alert.textContent).toContain('Check your connection and try again');
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(onRetry).toHaveBeenCalledOnce();
});

test('error texts are translated to Spanish', () => {
  const { alert } = renderError('SESSION_EXPIRED', 'es');

  expect(alert.textContent).toContain(
    'Cierre Chartside y vuelva a abrirlo desde la historia clínica del paciente.',
  );
});
