import type Client from 'fhirclient/lib/Client';
import type { fhirclient } from 'fhirclient/lib/types';
import { ChartsideError } from '../errors/chartside-error';

/** fhirclient's sessionStorage key that points at the current launch's state. */
const SMART_KEY = 'SMART_KEY';

/** The part of fhirclient's browser `FHIR.oauth2` that completes a launch. */
export interface SmartOAuth2 {
  settings: fhirclient.BrowserFHIRSettings;
  ready: () => Promise<Client>;
}

interface OracleHealthExternal {
  DiscernObjectFactory?: unknown;
}

/**
 * Completes the SMART authorization code flow (SMART App Launch 2.2 §2.0.6, token request) or
 * resumes the stored session on a reload. Rejects with LAUNCH_MISSING when the page was
 * opened without a launch, SESSION_EXPIRED when the launch can no longer be completed.
 */
export function startSmartSession(oauth2: SmartOAuth2): Promise<Client> {
  if (insideOracleHealth()) {
    // Oracle Health's embedded browser can share sessionStorage between charts: fhirclient
    // then keeps this launch's key in the URL's `state` instead of a shared well-known key.
    oauth2.settings.fullSessionStorageSupport = false;
  }
  const params = new URL(window.location.href).searchParams;
  const launched =
    params.has('code') || params.has('state') || sessionStorage.getItem(SMART_KEY) !== null;
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
