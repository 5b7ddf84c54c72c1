import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import type { PatientContext } from '../core/patient-context';
import { App } from './app';
import { serveLibrary } from './case-picker/test-support/library-server';
import { ChartsideError } from './errors/chartside-error';
import { renderInLanguage } from './i18n/test-support/render-in-language';
import { patientContextFixture } from './patient-context/test-support/patient-context-fixture';
import { settlePatientContext } from './patient-context/use-patient-context';
import { fakeCreditAccess } from './credits/test-support/fake-credit-access';

// The chart summary is what these tests read; the case library stays empty.
serveLibrary({ cases: [], valueSets: [] });
afterEach(cleanup);

test('after a network failure, Try again reads the chart again and shows it', async () => {
  const outage = new ChartsideError('FHIR_UNAVAILABLE', 'The FHIR server could not be reached');
  let reads = 0;
  const reload = (): Promise<PatientContext> => {
    reads += 1;
    return Promise.resolve(patientContextFixture());
  };
  renderInLanguage(
    <App
      firstLoad={settlePatientContext(Promise.reject(outage))}
      reload={reload}
      access={fakeCreditAccess()}
    />,
  );

  fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));

  expect(await screen.findByRole('region', { name: 'Ada Okafor' })).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
  expect(reads).toBe(1);
});

test('an unexpected failure is shown as a retryable outage, not a blank page', async () => {
  renderInLanguage(
    <App
      firstLoad={settlePatientContext(Promise.reject(new TypeError('boom')))}
      reload={() => Promise.resolve(patientContextFixture())}
      access={fakeCreditAccess()}
    />,
  );

  expect((await screen.findByRole('alert')).textContent).toContain('The EHR did not answer');
});
