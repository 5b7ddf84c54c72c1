import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createAdminApi } from '../lib/admin-api';
import { AdminApiContext } from '../lib/admin-api-context';
import { ADMIN_TOKEN } from './admin-fixtures';

/** A page as it renders inside the signed-in admin shell. */
export function renderWithApi(ui: ReactNode) {
  return render(
    <AdminApiContext value={createAdminApi({ token: ADMIN_TOKEN })}>{ui}</AdminApiContext>,
  );
}
