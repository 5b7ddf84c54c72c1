import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import type { PatientContext } from '../core/patient-context';
import { App } from './app';
import { serveLibrary } from './case-picker/test-support/library-server';
import { renderInLanguage } from './i18n/test-support/render-in-language';
import { patientContextFixture } from './patient-context/test-support/patient-context-fixture';
import { settlePatientContext } from './patient-context/use-patient-context';
import { fakeCreditAccess } from './credits/test-support/fake-credit-access';

// The chart summary is what these tests read; the case library stays empty.
serveLibrary({ cases: [], valueSets: [] });
afterEach(cleanup);

function renderApp(context: PatientContext, language = 'en') {
  const load = () => Promise.resolve(context);
  return renderInLanguage(
    <App firstLoad={settlePatientContext(load())} reload={load} access={fakeCreditAccess()} />,
    language,
  );
}

test('shows a loading status until the chart has been read', () => {
  renderInLanguage(
    <App
      firstLoad={new Promise(() => undefined)}
      reload={() => new Promise(() => undefined)}
      access={fakeCreditAccess()}
    />,
  );

  expect(screen.getByRole('status').textContent).toBe("Reading the patient's chart…");
});

test('shows the patient banner with sex, age, birth date and MRN', async () => {
  renderApp(patientContextFixture());

  const banner = await screen.findByRole('region', { name: 'Ada Okafor' });
  expect(within(banner).getByText('Female')).toBeTruthy();
  expect(within(banner).getByText('Mar 12, 1958').getAttribute('datetime')).toBe('1958-03-12');
  expect(within(banner).getByText('MRN-004521')).toBeTruthy();
  expect(within(banner).getByText(/^\d+ years$/)).toBeTruthy();
});

test('hides the patient banner when the EHR says need_patient_banner is false', async () => {
  const context = patientContextFixture();
  renderApp({ ...context, launch: { ...context.launch, needPatientBanner: false } });

  await screen.findByRole('heading', { name: /Active problems/ });
  expect(screen.queryByRole('region', { name: 'Ada Okafor' })).toBeNull();
  expect(screen.queryByText('MRN-004521')).toBeNull();
});

test('summarises encounter, problems with codes, and medications with their dosage', async () => {
  renderApp(patientContextFixture());

  const encounter = await screen.findByRole('region', { name: 'Encounter' });
  expect(within(encounter).getByText('Emergency · Fever and confusion')).toBeTruthy();
  const problems = screen.getByRole('region', { name: /Active problems/ });
  expect(within(problems).getByText('Type 2 diabetes mellitus')).toBeTruthy();
  expect(within(problems).getByText('SNOMED CT 44054006')).toBeTruthy();
  const medications = screen.getByRole('region', { name: /Active medications/ });
  expect(within(medications).getByText('1 tablet twice daily with meals')).toBeTruthy();
});

test('shows the latest result per lab test and flags one outside its reference range', async () => {
  renderApp(patientContextFixture());

  const labs = await screen.findByRole('region', { name: /Latest labs/ });
  const items = within(labs).getAllByRole('listitem');
  expect(items).toHaveLength(2);
  const lactate = items.find((item) => item.textContent.includes('Lactate'))!;
  expect(within(lactate).getByText('4.1 mmol/L')).toBeTruthy();
  expect(within(lactate).getByText('High')).toBeTruthy();
  const potassium = items.find((item) => item.textContent.includes('Potassium'))!;
  expect(within(potassium).queryByText('High')).toBeNull();
  expect(within(potassium).queryByText('Low')).toBeNull();
});

test('shows blood pressure as systolic over diastolic', async () => {
  renderApp(patientContextFixture());

  const vitals = await screen.findByRole('region', { name: /Latest vitals/ });
  expect(within(vitals).getByText('Blood pressure')).toBeTruthy();
  expect(within(vitals).getByText('128/82 mmHg')).toBeTruthy();
});

test('says what is not recorded and what Chartside was not allowed to read', async () => {
  renderApp(
    patientContextFixture({ conditions: [], medications: [], unavailable: ['MedicationRequest'] }),
  );

  const problems = await screen.findByRole('region', { name: /Active problems/ });
  expect(within(problems).getByText('No active problems recorded.')).toBeTruthy();
  const medications = screen.getByRole('region', { name: /Active medications/ });
  expect(
    within(medications).getByText('Chartside was not allowed to read this information.'),
  ).toBeTruthy();
  expect(within(medications).queryByText('No active medications recorded.')).toBeNull();
});

test('renders in Spanish, with Spanish dates, when the browser prefers Spanish', async () => {
  renderApp(patientContextFixture(), 'es-ES');

  expect(await screen.findByRole('heading', { name: /Problemas activos/ })).toBeTruthy();
  expect(screen.getByRole('heading', { name: /Últimos análisis/ })).toBeTruthy();
  const labs = screen.getByRole('region', { name: /Últimos análisis/ });
  expect(within(labs).getByText('Alto')).toBeTruthy();
  expect(screen.getByText('Femenino')).toBeTruthy();
  expect(screen.getByText('12 mar 1958')).toBeTruthy();
  expect(screen.getByText('4,1 mmol/L')).toBeTruthy();
});
