import { useCallback, useEffect, useState } from 'react';
import type { PatientContext } from '../../core/patient-context';
import { ChartsideError } from '../errors/chartside-error';

export type PatientContextState =
  | { status: 'loading' }
  | { status: 'ready'; context: PatientContext }
  | { status: 'failed'; error: ChartsideError };

export type SettledPatientContext = Exclude<PatientContextState, { status: 'loading' }>;

/** A load that never rejects: its failure is a state to render, not an exception. */
export function settlePatientContext(
  load: Promise<PatientContext>,
): Promise<SettledPatientContext> {
  return load.then(
    (context) => ({ status: 'ready', context }),
    (error: unknown) => ({ status: 'failed', error: ChartsideError.from(error) }),
  );
}

/**
 * The page's view of the load. `firstLoad` is started outside React so that StrictMode's
 * double effects never start a second one; `retry` starts a new load from a click.
 */
export function usePatientContext(
  firstLoad: Promise<SettledPatientContext>,
  load: () => Promise<PatientContext>,
): [PatientContextState, () => void] {
  const [pending, setPending] = useState(firstLoad);
  const [state, setState] = useState<PatientContextState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void pending.then((settled) => {
      if (current) setState(settled);
    });
    return () => {
      current = false;
    };
  }, [pending]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setPending(settlePatientContext(load()));
  }, [load]);
  return [state, retry];
}
