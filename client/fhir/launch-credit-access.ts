import type Client from 'fhirclient/lib/Client';
import type { SessionResponse } from '../../core/wire/session';
import type { CreditAccess } from '../credits/credit-access';
import { ChartsideError, RETRYABLE_ERROR_CODES } from '../errors/chartside-error';
import { createSession } from '../lib/api-client';

/**
 * The credit access of one launch. Call it once per page load, beside `smartSession`: it asks
 * for the app session as soon as `ready()` has completed (`POST /api/session` with the token
 * response's `id_token` and the FHIR base as `iss`), so React StrictMode never doubles it.
 */
export function launchCreditAccess(
  smart: Promise<Client>,
  now: () => number = Date.now,
): CreditAccess {
  let current: Promise<SessionResponse> | undefined;

  const start = async (): Promise<SessionResponse> => {
    const client = await smart;
    const tokenResponse = client.getState('tokenResponse') as { id_token?: unknown } | undefined;
    const idToken = tokenResponse?.id_token;
    if (typeof idToken !== 'string' || idToken === '') {
      throw new ChartsideError('ID_TOKEN_MISSING', 'The token response has no id_token');
    }
    return createSession({ iss: client.state.serverUrl, idToken });
  };

  const begin = (): Promise<SessionResponse> => {
    const made = start();
    current = made;
    made.catch((error: unknown) => {
      // A transient failure is tried again on the next call; a refusal stands for this launch.
      const transient = !(error instanceof ChartsideError) || RETRYABLE_ERROR_CODES.has(error.code);
      if (transient && current === made) current = undefined;
    });
    return made;
  };

  const session = async (): Promise<SessionResponse> => {
    const made = current ?? begin();
    const response = await made;
    if (Date.parse(response.expiresAt) > now()) return response;
    // Expired: one new session from the launch's id_token, which the server may refuse in turn.
    return current === made ? begin() : (current ?? begin());
  };

  const fhirAccessToken = async (): Promise<string | undefined> => {
    const client = await smart;
    const { expiresAt, tokenResponse } = client.state;
    if (expiresAt !== undefined && expiresAt <= now() / 1000) return undefined;
    const token = tokenResponse?.access_token;
    return typeof token === 'string' && token !== '' ? token : undefined;
  };

  // Right after ready(): the page shows the launch's failures, this is not an unhandled one.
  session().catch(() => undefined);
  return { session, fhirAccessToken };
}
