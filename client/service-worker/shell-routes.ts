/** What the build tells the service worker: the app shell's files and the build they belong to. */
export interface ShellManifest {
  /** Changes with every build that changes a file of the shell. */
  version: string;
  /** Same-origin paths: the page (`/app/`) and every script, style and asset it may load. */
  urls: string[];
}

/** The cached page that answers a navigation to the app when offline (any query string). */
export const SHELL_PAGE = '/app/';

/** Where the library's last good answer is kept; it outlives app versions. */
export const LIBRARY_CACHE = 'chartside-library-v1';
const SHELL_CACHE_PREFIX = 'chartside-shell-';

export const shellCacheName = (version: string) => `${SHELL_CACHE_PREFIX}${version}`;

/** Caches of older builds, to delete once this build's worker is active. */
export function isStaleCache(name: string, current: ShellManifest): boolean {
  return name.startsWith(SHELL_CACHE_PREFIX) && name !== shellCacheName(current.version);
}

/** The manifest the build wrote into the worker; anything else is a broken build. */
export function parseShellManifest(text: string): ShellManifest {
  const value = JSON.parse(text) as Partial<ShellManifest> | null;
  if (
    typeof value?.version !== 'string' ||
    !Array.isArray(value.urls) ||
    !value.urls.every((url) => typeof url === 'string' && url.startsWith('/'))
  ) {
    throw new Error('The service worker was built without its shell manifest');
  }
  return { version: value.version, urls: value.urls };
}

/**
 * How the worker answers a request:
 * - `network`: not touched at all — other methods, other origins (the EHR's FHIR server),
 *   requests carrying credentials, and every API call except the library;
 * - `library`: `GET /api/library` from the network, its last good answer when offline;
 * - `page`: a navigation to the app, from the network, the cached shell page when offline;
 * - `shell`: a file of the shell, from the cache (its name changes with its content).
 */
export type ShellRoute = 'network' | 'library' | 'page' | 'shell';

export function routeRequest(
  request: Pick<Request, 'method' | 'url' | 'mode' | 'headers'>,
  origin: string,
  shell: ShellManifest,
): ShellRoute {
  if (request.method !== 'GET') return 'network';
  const url = new URL(request.url);
  if (url.origin !== origin) return 'network';
  // A response to a request with credentials is the learner's own: it is never cached.
  if (request.headers.has('authorization')) return 'network';
  if (url.pathname === '/api/library') return 'library';
  if (url.pathname.startsWith('/api/')) return 'network';
  if (request.mode === 'navigate') {
    return url.pathname.startsWith(SHELL_PAGE) ? 'page' : 'network';
  }
  return shell.urls.includes(url.pathname) ? 'shell' : 'network';
}
