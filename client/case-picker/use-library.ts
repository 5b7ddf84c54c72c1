import { useCallback, useEffect, useState } from 'react';
import type { LibraryResponse } from '../../core/wire/library';
import { ChartsideError } from '../errors/chartside-error';
import { fetchLibrary } from '../lib/api-client';

export type LibraryState =
  | { status: 'loading' }
  | { status: 'ready'; library: LibraryResponse }
  | { status: 'failed'; error: ChartsideError };

/** The case library, fetched once per mount; `retry` fetches it again after a failure. */
export function useLibrary(): [LibraryState, () => void] {
  const [round, setRound] = useState(0);
  const [state, setState] = useState<LibraryState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetchLibrary(controller.signal).then(
      (library) => {
        if (!controller.signal.aborted) setState({ status: 'ready', library });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({ status: 'failed', error: ChartsideError.from(error) });
      },
    );
    return () => {
      controller.abort();
    };
  }, [round]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setRound((previous) => previous + 1);
  }, []);
  return [state, retry];
}
