import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { DEFAULT_LAUNCH_SCOPE } from '../../core/tenant';
import { api, discoveryFixture, outcome, tenantFixture } from '../test-support/admin-fixtures';
import { renderWithApi } from '../test-support/render-with-api';
import { AddTenantPage } from './add-tenant-page';

const ISS = 'https://ehr.example.org/fhir';
const WARNING = { code: 'NO_LAUNCH_EHR', message: 'The EHR does not list launch-ehr.' } as const;
const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

function discoveryAnswers() {
  server.use(
    http.get(api('/smart-configuration'), ({ request }) =>
      new URL(request.url).searchParams.get('iss') === ISS
        ? HttpResponse.json({ iss: ISS, discovery: discoveryFixture, warnings: [WARNING] })
        : HttpResponse.json(outcome('DISCOVERY_UNREACHABLE', 'Could not be read', ['iss']), {
            status: 422,
          }),
    ),
  );
}

async function check(iss = ISS) {
  const user = userEvent.setup();
  const go = vi.fn();
  renderWithApi(<AddTenantPage go={go} />);
  await user.type(screen.getByLabelText('FHIR base URL'), iss);
  await user.click(screen.getByRole('button', { name: 'Check' }));
  return { user, go };
}

test('Check shows what discovery found and its warnings, with the least-privilege scope', async () => {
  discoveryAnswers();
  await check();

  const found = await screen.findByRole('region', {
    name: 'What the EHR’s SMART configuration says',
  });
  expect(within(found).getByText('https://ehr.example.org/oauth2/jwks')).toBeTruthy();
  expect(within(found).getByRole('heading', { name: '1 warning' })).toBeTruthy();
  expect(within(found).getByText(/The EHR does not list launch-ehr\./)).toBeTruthy();
  expect(document.activeElement).toBe(within(found).getByRole('heading', { level: 2 }));
  expect(screen.getByLabelText<HTMLTextAreaElement>('Scope').value).toBe(DEFAULT_LAUNCH_SCOPE);
  expect(screen.getByLabelText<HTMLTextAreaElement>('Frame origins').value).toBe(
    'https://ehr.example.org',
  );
});

test('a FHIR base whose discovery cannot be read says so, and offers no form to save', async () => {
  discoveryAnswers();
  await check('https://elsewhere.example.org/fhir');

  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText('Could not be read')).toBeTruthy();
  expect(alert.textContent).toContain('Check the FHIR base');
  expect(screen.getByLabelText('FHIR base URL').getAttribute('aria-invalid')).toBe('true');
  expect(screen.queryByRole('button', { name: 'Save EHR' })).toBeNull();
});

test('saving sends the FHIR base with the registration and opens the new EHR with its warnings', async () => {
  discoveryAnswers();
  let sent: unknown;
  server.use(
    http.post(api('/tenants'), async ({ request }) => {
      sent = await request.json();
      return HttpResponse.json(
        { tenant: tenantFixture({ name: 'Example Health' }), warnings: [WARNING] },
        { status: 201 },
      );
    }),
  );
  const { user, go } = await check();
  await screen.findByRole('region', { name: 'What the EHR’s SMART configuration says' });

  await user.type(screen.getByLabelText('Name'), 'Example Health');
  await user.selectOptions(screen.getByLabelText('Vendor'), 'Epic');
  await user.type(screen.getByLabelText('Client id'), 'chartside-prod');
  await user.click(screen.getByRole('button', { name: 'Save EHR' }));

  await vi.waitFor(() => {
    expect(go).toHaveBeenCalledWith(
      { page: 'tenant', id: 'tenant-1' },
      { text: 'Example Health was added.', warnings: [WARNING] },
    );
  });
  expect(sent).toEqual({
    iss: ISS,
    name: 'Example Health',
    vendor: 'epic',
    environment: 'production',
    clientId: 'chartside-prod',
    scope: DEFAULT_LAUNCH_SCOPE,
    frameOrigins: ['https://ehr.example.org'],
    cdsClients: [],
  });
});

test('a refused save shows the server’s message and what to do, and marks the field', async () => {
  discoveryAnswers();
  server.use(
    http.post(api('/tenants'), () =>
      HttpResponse.json(
        outcome('SCOPE_NOT_SUPPORTED', 'The EHR does not support these scopes: user/*.cruds', [
          'scope',
        ]),
        { status: 422 },
      ),
    ),
  );
  const { user, go } = await check();
  await user.type(await screen.findByLabelText('Name'), 'Example Health');
  await user.type(screen.getByLabelText('Client id'), 'chartside-prod');
  await user.click(screen.getByRole('button', { name: 'Save EHR' }));

  const alert = await screen.findByRole('alert');
  expect(within(alert).getByRole('heading', { name: 'The EHR was not added' })).toBeTruthy();
  expect(
    within(alert).getByText('The EHR does not support these scopes: user/*.cruds'),
  ).toBeTruthy();
  expect(alert.textContent).toContain('Remove the scopes this EHR does not list');
  expect(document.activeElement).toBe(alert);
  expect(screen.getByLabelText('Scope').getAttribute('aria-invalid')).toBe('true');
  expect(go).not.toHaveBeenCalled();
});
