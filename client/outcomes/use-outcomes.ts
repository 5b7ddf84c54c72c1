import { useCallback, useEffect, useState } from 'react';
import type { LearnerOutcomesResponse } from '../../core/wire/outcomes';
import type { CreditAccess } from '../credits/credit-access';
import { ChartsideError } from '../errors/chartside-error';
import { fetchOutcomes } from './outcomes-api';

export type OutcomesState =
  | { status: 'loading' }
  | { status: 'ready'; outcomes: LearnerOutcomesResponse }
  | { status: 'failed'; error: ChartsideError };

const asChartsideError = (error: unknown): ChartsideError =>
  error instanceof ChartsideError
    ? error
    : new ChartsideError('SERVER_UNAVAILABLE', 'The outcomes could not be loaded', {
        cause: error,
      });

/** The learner's outcomes, fetched when the screen opens (and again on retry). */
export function useOutcomes(access: CreditAccess): [OutcomesState, () => void] {
  const [state, setState] = useState<OutcomesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    access
      .session()
      .then((session) => fetchOutcomes(session.sessionToken, controller.signal))
      .then(
        (outcomes) => {
          if (!controller.signal.aborted) setState({ status: 'ready', outcomes });
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
  return [state, retry];
}
