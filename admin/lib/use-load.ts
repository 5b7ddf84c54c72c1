import { useCallback, useEffect, useState } from 'react';
import { AdminError } from './admin-error';

export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: AdminError };

const LOADING = { state: 'loading' } as const;

/**
 * Loads `load` when it changes (keep it stable with useCallback) and on `reload()`; an
 * answer that arrives after the page moved on is dropped, and a stale one is never shown.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>): [Loaded<T>, () => void] {
  const [round, setRound] = useState(0);
  const [result, setResult] = useState<{ load: unknown; round: number; loaded: Loaded<T> }>();
  useEffect(() => {
    const controller = new AbortController();
    const settle = (loaded: Loaded<T>) => {
      if (!controller.signal.aborted) setResult({ load, round, loaded });
    };
    load(controller.signal).then(
      (data) => {
        settle({ state: 'ready', data });
      },
      (error: unknown) => {
        settle({ state: 'error', error: AdminError.from(error) });
      },
    );
    return () => {
      controller.abort();
    };
  }, [load, round]);
  const reload = useCallback(() => {
    setRound((n) => n + 1);
  }, []);
  const current = result?.load === load && result.round === round ? result.loaded : LOADING;
  return [current, reload];
}
