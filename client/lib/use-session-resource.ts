import { useCallback, useEffect, useState } from 'react';
import type { CreditAccess } from '../credits/credit-access';
import { ChartsideError } from '../errors/chartside-error';

export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; error: ChartsideError };

export interface ResourceHandle<T> {
  state: ResourceState<T>;
  retry: () => void;
  /** After a save: the server's answer becomes the value without a new request. */
  replace: (value: T) => void;
}

/**
 * A learner API resource fetched with the session token when the component mounts (and again
 * on retry); a late answer after unmount or retry is dropped. `fetcher` must be stable.
 */
export function useSessionResource<T>(
  access: CreditAccess,
  fetcher: (sessionToken: string, signal: AbortSignal) => Promise<T>,
  failure: string,
): ResourceHandle<T> {
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    access
      .session()
      .then((session) => fetcher(session.sessionToken, controller.signal))
      .then(
        (value) => {
          if (!controller.signal.aborted) setState({ status: 'ready', value });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState({
            status: 'failed',
            error:
              error instanceof ChartsideError
                ? error
                : new ChartsideError('SERVER_UNAVAILABLE', failure, { cause: error }),
          });
        },
      );
    return () => {
      controller.abort();
    };
  }, [access, fetcher, failure, attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const replace = useCallback((value: T) => {
    setState({ status: 'ready', value });
  }, []);
  return { state, retry, replace };
}
