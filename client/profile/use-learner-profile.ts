import { useCallback, useEffect, useState } from 'react';
import type { ProfileResponse } from '../../core/wire/learner';
import type { CreditAccess } from '../credits/credit-access';
import { ChartsideError } from '../errors/chartside-error';
import { fetchProfile } from '../lib/profile-api';

export type ProfileState =
  | { status: 'loading' }
  | { status: 'ready'; response: ProfileResponse }
  | { status: 'failed'; error: ChartsideError };

export interface LearnerProfileHandle {
  state: ProfileState;
  retry: () => void;
  /** After a save or a reset: the server's answer becomes the profile without a new request. */
  replace: (response: ProfileResponse) => void;
}

const asChartsideError = (error: unknown): ChartsideError =>
  error instanceof ChartsideError
    ? error
    : new ChartsideError('SERVER_UNAVAILABLE', 'The profile could not be loaded', {
        cause: error,
      });

/** The learner's profile, fetched once per launch (and again on retry). */
export function useLearnerProfile(access: CreditAccess): LearnerProfileHandle {
  const [state, setState] = useState<ProfileState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    access
      .session()
      .then((session) => fetchProfile(session.sessionToken, controller.signal))
      .then(
        (response) => {
          if (!controller.signal.aborted) setState({ status: 'ready', response });
        },
        (error: unknown) => {
          if (!controller.signal.aborted)
            setState({ status: 'failed', error: asChartsideError(error) });
        },
      );
    return () => {
      controller.abort();
    };
  }, [access, attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const replace = useCallback((response: ProfileResponse) => {
    setState({ status: 'ready', response });
  }, []);
  return { state, retry, replace };
}
