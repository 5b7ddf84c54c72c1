import type { SessionResponse } from '../../../core/wire/session';
import { ChartsideError } from '../../errors/chartside-error';
import type { CreditAccess } from '../credit-access';

export const SESSION_TOKEN = 'app-session-token';
export const EHR_ACCESS_TOKEN = 'ehr-access-token-4b9d1e';

export const session: SessionResponse = {
  sessionToken: SESSION_TOKEN,
  expiresAt: '2999-01-01T00:00:00.000Z',
  fhirUser: 'https://ehr.test/fhir/Practitioner/dr-ada',
};

/** A launch with a valid app session and EHR access token, unless told otherwise. */
export function fakeCreditAccess(
  options: { sessionError?: ChartsideError; accessToken?: string | undefined } = {},
): CreditAccess {
  const accessToken = 'accessToken' in options ? options.accessToken : EHR_ACCESS_TOKEN;
  return {
    session: () =>
      options.sessionError === undefined
        ? Promise.resolve(session)
        : Promise.reject(options.sessionError),
    fhirAccessToken: () => Promise.resolve(accessToken),
  };
}

/** A launch whose sign-in to Chartside's server failed (the EHR is not registered). */
export const unregisteredAccess = () =>
  fakeCreditAccess({
    sessionError: new ChartsideError('TENANT_NOT_REGISTERED', 'POST /api/session answered 401'),
  });
