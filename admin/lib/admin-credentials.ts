/**
 * The admin token lives in this tab's sessionStorage only: gone when the tab closes, never in
 * localStorage where it would outlive the session and be shared by every tab.
 */
const TOKEN_KEY = 'chartside.admin.token';
const ACTOR_KEY = 'chartside.admin.actor';

export interface AdminCredentials {
  token: string;
  /** Who is signed in, for the audit log (`X-Admin-Actor`); optional. */
  actor?: string;
}

export function readCredentials(storage: Storage = sessionStorage): AdminCredentials | undefined {
  const token = storage.getItem(TOKEN_KEY);
  if (token === null || token === '') return undefined;
  const actor = storage.getItem(ACTOR_KEY);
  return actor === null || actor === '' ? { token } : { token, actor };
}

export function saveCredentials(
  credentials: AdminCredentials,
  storage: Storage = sessionStorage,
): void {
  storage.setItem(TOKEN_KEY, credentials.token);
  if (credentials.actor === undefined) storage.removeItem(ACTOR_KEY);
  else storage.setItem(ACTOR_KEY, credentials.actor);
}

export function clearCredentials(storage: Storage = sessionStorage): void {
  storage.removeItem(TOKEN_KEY);
  storage.removeItem(ACTOR_KEY);
}
