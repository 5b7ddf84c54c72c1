import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { AdminApp } from './admin-app';
import { ADMIN_TOKEN, api, outcome, tenantFixture } from './test-support/admin-fixtures';

const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  window.location.hash = '';
  sessionStorage.clear();
  localStorage.clear();
  server.use(
    http.get(api('/tenants'), ({ request }) =>
      request.headers.get('authorization') === `Bearer ${ADMIN_TOKEN}`
        ? HttpResponse.json({
            tenants: [
              {
                ...tenantFixture(),
                warnings: [{ code: 'NO_OPENID', message: 'openid is not supported' }],
              },
            ],
          })
        : HttpResponse.json(outcome('SESSION_INVALID', 'An administrator token is required'), {
            status: 401,
          }),
    ),
  );
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

async function signIn(token: string) {
  const user = userEvent.setup();
  render(<AdminApp />);
  await user.type(screen.getByLabelText('Admin token'), token);
  await user.type(screen.getByLabelText('Your name (optional)'), 'Ada Admin');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

test('signing in keeps the token in this tab’s sessionStorage only and lists the EHRs', async () => {
  await signIn(ADMIN_TOKEN);

  const table = await screen.findByRole('table', { name: 'Registered EHRs' });
  expect(within(table).getByRole('link', { name: 'Example Health' }).getAttribute('href')).toBe(
    '#/tenants/tenant-1',
  );
  expect(within(table).getByText('Active')).toBeTruthy();
  expect(within(table).getByText('1 warning')).toBeTruthy();
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'EHRs', level: 1 }));
  const kept = Array.from({ length: sessionStorage.length }, (_, i) =>
    sessionStorage.getItem(sessionStorage.key(i) ?? ''),
  );
  expect(kept).toContain(ADMIN_TOKEN);
  expect(localStorage.length).toBe(0);
  expect(screen.getByText(/Signed in as Ada Admin/)).toBeTruthy();
});

test('a refused token shows the server’s message and what to do, and keeps nothing', async () => {
  await signIn('a-wrong-token-that-is-also-32-characters');

  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText('An administrator token is required')).toBeTruthy();
  expect(alert.textContent).toContain('Sign out, then sign in with the ADMIN_TOKEN');
  expect(document.activeElement).toBe(alert);
  expect(sessionStorage.length).toBe(0);
  expect(screen.queryByRole('table')).toBeNull();
});

test('signing out forgets the token and returns to the sign-in page', async () => {
  const user = await signIn(ADMIN_TOKEN);
  await screen.findByRole('table', { name: 'Registered EHRs' });

  await user.click(screen.getByRole('button', { name: 'Sign out' }));

  expect(sessionStorage.length).toBe(0);
  expect(screen.getByLabelText('Admin token')).toBeTruthy();
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Chartside admin' }));
});
