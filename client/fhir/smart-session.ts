import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
import type Client from 'fhirclient/lib/Client';
import { ChartsideError } from '../errors/chartside-error';

/** fhirclient's sessionStorage key that points at the current launch's state. */
const SMART_KEY = 'SMART_KEY';

interface OracleHealthExternal {
  DiscernObjectFactory?: unknown;
}

/**
 * Completes the SMART authorization code flow (SMART App Launch 2.2 §2.0.6, token request),
 * exactly once per page load: it runs at module level because React StrictMode runs effects
 * twice and a second token request would spend the single-use code (`invalid_grant`).
 * Rejects with LAUNCH_MISSING (the page was opened without a launch) or SESSION_EXPIRED.
 */
export const smartSession: Promise<Client> = startSmartSession();
// The page decides when to show the failure; until then it is not an unhandled rejection.
smartSession.catch(() => undefined);

function startSmartSession(): Promise<Client> {
  const params = new URL(window.location.href).searchParams;
  const launched =
    params.has('code') || params.has('state') || sessionStorage.getItem(SMART_KEY) !== null;
  // The same as `FHIR.oauth2.settings.… = …; FHIR.oauth2.ready()` from fhirclient's browser
  // entry, but with this page load's own adapter instead of a shared, URL-caching singleton.
  const oauth2 = new BrowserAdapter({
    replaceBrowserHistory: true,
    // Oracle Health's embedded browser can share sessionStorage between charts: fhirclient
    // then keeps this launch's key in the URL's `state` instead of a shared well-known key.
    fullSessionStorageSupport: !insideOracleHealth(),
  }).getSmartApi();
  return oauth2.ready().catch((error: unknown) => {
    if (!launched) {
      throw new ChartsideError('LAUNCH_MISSING', 'The app was opened without a SMART launch', {
        cause: error,
      });
    }
    throw new ChartsideError(
      'SESSION_EXPIRED',
      'The SMART authorization could not be completed or resumed',
      { cause: error },
    );
  });
}

/** `window.external` is deprecated on the web, but Oracle Health exposes its Discern API there. */
function insideOracleHealth(): boolean {
  const external = Reflect.get(window, 'external') as OracleHealthExternal | undefined;
  return external?.DiscernObjectFactory !== undefined;
}
