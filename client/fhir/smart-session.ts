import type Client from 'fhirclient/lib/Client';
// The browser entry (`module.exports = FHIR`) survives every CommonJS interop; importing
// fhirclient's `lib/*` classes by default export does not in the production build.
import FHIR from 'fhirclient/lib/entry/browser';
import { startSmartSession } from './start-smart-session';

/**
 * The SMART session of this page load. `ready()` runs here, once, at module level: React
 * StrictMode runs effects twice, and a second token request would spend the single-use
 * authorization code (`invalid_grant` on real EHRs).
 */
export const smartSession: Promise<Client> = startSmartSession(FHIR.oauth2);
// The page decides when to show the failure; until then it is not an unhandled rejection.
smartSession.catch(() => undefined);
