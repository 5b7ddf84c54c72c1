import {
  LIBRARY_CACHE,
  SHELL_PAGE,
  isStaleCache,
  parseShellManifest,
  routeRequest,
  shellCacheName,
} from './shell-routes';

// The service worker's own types (lib "WebWorker" clashes with "DOM" in one project).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;
// Replaced by the build (scripts/service-worker-plugin.ts) with this build's shell manifest.
const shell = parseShellManifest('__CHARTSIDE_SHELL_MANIFEST__');
const shellCache = shellCacheName(shell.version);

worker.addEventListener('install', (event) => {
  // `reload`: the files come from the server, not from a copy the HTTP cache still holds.
  const requests = shell.urls.map((url) => new Request(url, { cache: 'reload' }));
  event.waitUntil(caches.open(shellCache).then((cache) => cache.addAll(requests)));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => isStaleCache(name, shell)).map((name) => caches.delete(name)),
      );
      // The page that registered this first worker works offline without a reload.
      await worker.clients.claim();
    })(),
  );
});

/** The network's answer, kept for later; the last kept answer when the network fails. */
async function networkFirst(request: Request, cacheName: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (kept !== undefined) return kept;
    throw error;
  }
}

/** The app page from the network (fresh CSP and build); this build's shell page offline. */
async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const kept = await caches.match(SHELL_PAGE, { cacheName: shellCache });
    if (kept !== undefined) return kept;
    throw error;
  }
}

async function fromShell(request: Request): Promise<Response> {
  const kept = await caches.match(request, { cacheName: shellCache });
  return kept ?? fetch(request);
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const route = routeRequest(request, worker.location.origin, shell);
  switch (route) {
    case 'network':
      return;
    case 'library':
      event.respondWith(networkFirst(request, LIBRARY_CACHE));
      return;
    case 'page':
      event.respondWith(page(request));
      return;
    case 'shell':
      event.respondWith(fromShell(request));
      return;
  }
});
