import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { App } from '../app';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { settlePatientContext } from '../patient-context/use-patient-context';
import { usesFhirPath } from './load-fhirpath-evaluator';
import { asthmaCase, library, matchingContext } from './test-support/library-fixture';
import { serveLibrary } from './test-support/library-server';
import { fakeCreditAccess } from '../credits/test-support/fake-credit-access';

const fhirPathCase = {
  ...asthmaCase,
  id: 'older-woman-check',
  trigger: {
    kind: 'fhirpath' as const,
    id: 'older-woman',
    expression: "entry.resource.ofType(Patient).where(gender = 'female').exists()",
    description: { en: 'Woman in the chart in context', es: 'Mujer en la historia en contexto' },
  },
};

serveLibrary({ ...library, cases: [fhirPathCase] });
afterEach(cleanup);

test('the FHIRPath engine is needed only when a trigger uses FHIRPath', () => {
  expect(usesFhirPath(library.cases)).toBe(false);
  expect(usesFhirPath([fhirPathCase])).toBe(true);
});

test('a trigger written in FHIRPath matches once the engine has loaded', async () => {
  const load = () => Promise.resolve(matchingContext());
  renderInLanguage(
    <App firstLoad={settlePatientContext(load())} reload={load} access={fakeCreditAccess()} />,
  );

  const top = await screen.findByRole('article', { name: 'Asthma: stepping up' });
  expect(within(top).getByRole('listitem').textContent).toBe('Woman in the chart in context');
});
