import { useCallback, useEffect, useState } from 'react';
import type { CreditAccess } from '../credits/credit-access';
import { ChartsideError } from '../errors/chartside-error';
import type { TranscriptResponse } from '../../core/wire/completion';
import { fetchTranscript } from '../lib/api-client';

export type TranscriptState =
  | { status: 'loading' }
  | { status: 'ready'; transcript: TranscriptResponse }
  | { status: 'failed'; error: ChartsideError };

function asError(error: unknown): ChartsideError {
  if (error instanceof ChartsideError) return error;
  return new ChartsideError('SERVER_UNAVAILABLE', `Unexpected failure: ${String(error)}`, {
    cause: error,
  });
}

/**
 * The learner's credits of one calendar year from the server. Fetched again when `revision`
 * changes (a completion was recorded meanwhile) and on `retry`.
 */
export function useTranscript(
  access: CreditAccess,
  year: number,
  revision: number,
): [TranscriptState, () => void] {
  const [round, setRound] = useState(0);
  const [state, setState] = useState<TranscriptState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const period = { from: `${year}-01-01`, to: `${year}-12-31` };
    access
      .session()
      .then((session) => fetchTranscript(session.sessionToken, period, controller.signal))
      .then(
        (transcript) => {
          if (!controller.signal.aborted) setState({ status: 'ready', transcript });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ status: 'failed', error: asError(error) });
        },
      );
    return () => {
      controller.abort();
    };
  }, [access, year, revision, round]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setRound((previous) => previous + 1);
  }, []);
  return [state, retry];
}
