import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, expect, test } from 'vitest';
import { App } from '../app';
import { matchingContext } from '../case-picker/test-support/library-fixture';
import { serveLibrary } from '../case-picker/test-support/library-server';
import { fakeCreditAccess } from '../credits/test-support/fake-credit-access';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { settlePatientContext } from '../patient-context/use-patient-context';

const server = serveLibrary();
afterEach(() => {
  cleanup();
});

test('the header opens "Your learning and your measures" and Back returns to the case', async () => {
  server.use(
    http.get('*/api/outcomes', () =>
      HttpResponse.json({
        computedAt: null,
        population: null,
        windows: { beforeDays: 180, afterDays: 180 },
        measures: [],
        comparisons: [],
      }),
    ),
  );
  const load = () => Promise.resolve(matchingContext());
  renderInLanguage(
    <App firstLoad={settlePatientContext(load())} reload={load} access={fakeCreditAccess()} />,
  );
  const user = userEvent.setup();
  const open = screen.getByRole('button', { name: 'My measures' });

  await user.click(open);

  // The page is its own chunk: loading it (and the chart library) may take a moment.
  const heading = await screen.findByRole(
    'heading',
    { name: 'Your learning and your measures' },
    { timeout: 10_000 },
  );
  // Focus follows in an effect once the lazy page has rendered.
  await waitFor(() => {
    expect(document.activeElement).toBe(heading);
  });
  expect(open.getAttribute('aria-current')).toBe('page');
  expect(await screen.findByText(/Outcomes have not been computed yet/)).toBeDefined();
  await user.click(screen.getByRole('button', { name: 'Back to suggestions' }));
  expect(screen.queryByRole('heading', { name: 'Your learning and your measures' })).toBeNull();
  expect(document.activeElement).toBe(open);
});
