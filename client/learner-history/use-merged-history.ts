import { useEffect, useMemo, useState } from 'react';
import type { LearnerHistoryEntry } from '../../core/matcher/match-cases';
import type { CreditAccess } from '../credits/credit-access';
import { fetchLearnerHistory } from '../lib/history-api';

/**
 * This device's history followed by what the server knows (credited completions, CDS cards
 * dismissed in the chart), so a case dismissed on a card is lowered in the app as well. The
 * server's part is fetched once per launch; when it cannot be had the device's history stands.
 */
export function useMergedHistory(
  local: readonly LearnerHistoryEntry[] | undefined,
  access: CreditAccess,
): readonly LearnerHistoryEntry[] | undefined {
  const [server, setServer] = useState<readonly LearnerHistoryEntry[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    access
      .session()
      .then((session) => fetchLearnerHistory(session.sessionToken, controller.signal))
      .then(
        (response) => {
          if (!controller.signal.aborted) setServer(response.history);
        },
        () => undefined,
      );
    return () => {
      controller.abort();
    };
  }, [access]);
  return useMemo(() => (local === undefined ? undefined : [...local, ...server]), [local, server]);
}
