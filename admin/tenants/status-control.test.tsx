import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { api, tenantFixture } from '../test-support/admin-fixtures';
import { renderWithApi } from '../test-support/render-with-api';
import { StatusControl } from './status-control';

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

test('disabling asks first, saying what it does, and Cancel returns focus with no request', async () => {
  const user = userEvent.setup();
  const onChanged = vi.fn();
  renderWithApi(<StatusControl tenant={tenantFixture()} onChanged={onChanged} />);

  await user.click(screen.getByRole('button', { name: 'Disable this EHR' }));
  const question = screen.getByText(/^Disable Example Health\? Its launches, sessions and CDS/);
  expect(document.activeElement).toBe(question);
  await user.click(screen.getByRole('button', { name: 'Cancel' }));

  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Disable this EHR' }));
  expect(onChanged).not.toHaveBeenCalled();
});

test('confirming disables the EHR through the admin API', async () => {
  const user = userEvent.setup();
  const disabled = tenantFixture({ status: 'disabled' });
  server.use(
    http.post(api('/tenants/tenant-1/disable'), () =>
      HttpResponse.json({ tenant: disabled, warnings: [] }),
    ),
  );
  const onChanged = vi.fn();
  renderWithApi(<StatusControl tenant={tenantFixture()} onChanged={onChanged} />);

  await user.click(screen.getByRole('button', { name: 'Disable this EHR' }));
  await user.click(screen.getByRole('button', { name: 'Yes, disable' }));

  await vi.waitFor(() => {
    expect(onChanged).toHaveBeenCalledWith({ tenant: disabled, warnings: [] });
  });
});
