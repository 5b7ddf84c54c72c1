/** The worker's URL and scope: served by server/web/web-routes.ts, built by vite.config.ts. */
export const SERVICE_WORKER_URL = '/app/sw.js';
const SCOPE = '/app/';

/**
 * Registers the worker that keeps the app shell and the case library on this device, so that
 * a case that was started can be finished offline (issue 4, point 7). Never an error: without
 * it (an old browser, storage blocked) the app works, only not offline.
 */
export function registerServiceWorker(container: ServiceWorkerContainer | undefined): void {
  if (container === undefined) return;
  container.register(SERVICE_WORKER_URL, { scope: SCOPE }).catch(() => undefined);
}
