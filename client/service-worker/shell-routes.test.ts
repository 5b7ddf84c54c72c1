import { expect, test } from 'vitest';
import {
  LIBRARY_CACHE,
  isStaleCache,
  parseShellManifest,
  routeRequest,
  shellCacheName,
  type ShellRoute,
} from './shell-routes';

const ORIGIN = 'https://chartside.example.org';
const shell = {
  version: 'b1d2',
  urls: ['/app/', '/assets/app-1a2b.js', '/assets/app-3c4d.css', '/assets/fhirpath-5e6f.js'],
};

interface Case {
  what: string;
  method?: string;
  url: string;
  mode?: RequestMode;
  headers?: Record<string, string>;
  route: ShellRoute;
}

const cases: Case[] = [
  { what: 'the library', url: `${ORIGIN}/api/library`, route: 'library' },
  { what: 'the library with a query', url: `${ORIGIN}/api/library?lang=es`, route: 'library' },
  {
    what: 'the transcript, with the session token',
    url: `${ORIGIN}/api/credits?from=2026-01-01`,
    headers: { authorization: 'Bearer app-session' },
    route: 'network',
  },
  { what: 'another API call without credentials', url: `${ORIGIN}/api/session`, route: 'network' },
  {
    what: 'the library asked for with credentials',
    url: `${ORIGIN}/api/library`,
    headers: { authorization: 'Bearer app-session' },
    route: 'network',
  },
  {
    what: 'a completion (POST)',
    method: 'POST',
    url: `${ORIGIN}/api/completions`,
    route: 'network',
  },
  {
    what: 'a POST to a shell path',
    method: 'POST',
    url: `${ORIGIN}/assets/app-1a2b.js`,
    route: 'network',
  },
  {
    what: "the EHR's FHIR server",
    url: 'https://ehr.example.org/fhir/Patient/123',
    route: 'network',
  },
  {
    what: 'a shell file of another origin',
    url: 'https://cdn.example.org/assets/app-1a2b.js',
    route: 'network',
  },
  {
    what: 'the app page (SMART redirect)',
    url: `${ORIGIN}/app/?code=c&state=s`,
    mode: 'navigate',
    route: 'page',
  },
  { what: 'the launch page', url: `${ORIGIN}/launch?iss=x`, mode: 'navigate', route: 'network' },
  { what: 'a shell script', url: `${ORIGIN}/assets/app-1a2b.js`, route: 'shell' },
  { what: 'the lazy FHIRPath chunk', url: `${ORIGIN}/assets/fhirpath-5e6f.js`, route: 'shell' },
  { what: 'an asset of an older build', url: `${ORIGIN}/assets/app-0000.js`, route: 'network' },
];

test.each(cases)('$what: $route', ({ method = 'GET', url, mode = 'cors', headers, route }) => {
  const request = { method, url, mode, headers: new Headers(headers) };
  expect(routeRequest(request, ORIGIN, shell)).toBe(route);
});

test('the manifest the build writes in is read; a worker built without one refuses to start', () => {
  expect(parseShellManifest(JSON.stringify(shell))).toEqual(shell);
  expect(() => parseShellManifest('"__CHARTSIDE_SHELL_MANIFEST__"')).toThrow(
    'The service worker was built without its shell manifest',
  );
  expect(() => parseShellManifest('{"version":"1","urls":["https://evil.example/x.js"]}')).toThrow(
    'without its shell manifest',
  );
});

test("older builds' shell caches are stale; this build's and the library's are kept", () => {
  expect(isStaleCache(shellCacheName('a0a0'), shell)).toBe(true);
  expect(isStaleCache(shellCacheName(shell.version), shell)).toBe(false);
  expect(isStaleCache(LIBRARY_CACHE, shell)).toBe(false);
});
