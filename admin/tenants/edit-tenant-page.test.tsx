import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { api, tenantFixture } from '../test-support/admin-fixtures';
import { renderWithApi } from '../test-support/render-with-api';
import { EditTenantPage } from './edit-tenant-page';

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

test('editing sends the changed registration, asks for rediscovery, and reports the warnings', async () => {
  const user = userEvent.setup();
  let sent: unknown;
  const renamed = tenantFixture({ name: 'Example Health (test)' });
  server.use(
    http.get(api('/tenants/tenant-1'), () => HttpResponse.json(tenantFixture())),
    http.patch(api('/tenants/tenant-1'), async ({ request }) => {
      sent = await request.json();
      return HttpResponse.json({ tenant: renamed, warnings: [] });
    }),
  );
  const go = vi.fn();
  renderWithApi(<EditTenantPage id="tenant-1" go={go} />);

  const name = await screen.findByLabelText('Name');
  expect(screen.getByText('https://ehr.example.org/fhir')).toBeTruthy();
  await user.clear(name);
  await user.type(name, 'Example Health (test)');
  await user.selectOptions(screen.getByLabelText('Environment'), 'Non-production');
  await user.click(screen.getByLabelText('Read the EHR’s SMART configuration again'));
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  await vi.waitFor(() => {
    expect(go).toHaveBeenCalledWith(
      { page: 'tenant', id: 'tenant-1' },
      { text: 'Example Health (test) was saved.', warnings: [] },
    );
  });
  expect(sent).toMatchObject({
    name: 'Example Health (test)',
    environment: 'non-production',
    clientId: 'chartside-prod',
    rediscover: true,
  });
  expect(sent).not.toHaveProperty('iss');
});
