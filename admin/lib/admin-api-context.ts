import { createContext, useContext } from 'react';
import type { AdminApi } from './admin-api';

export const AdminApiContext = createContext<AdminApi | undefined>(undefined);

/** The signed-in admin's API client; only pages under the signed-in shell use it. */
export function useAdminApi(): AdminApi {
  const api = useContext(AdminApiContext);
  if (api === undefined) throw new Error('useAdminApi outside the signed-in admin shell');
  return api;
}
