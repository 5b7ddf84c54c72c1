import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localLearnerHistory } from '../learner-history/local-learner-history';

/**
 * While the chart cannot be read (offline, say), the finished cases this device still holds
 * for the learner: they are not lost, and go out once Chartside can read the chart again.
 * `fhirUser` is the launch's learner, known without the network. Shows nothing otherwise.
 */
export function WaitingOnDevice({ fhirUser }: { fhirUser: Promise<string | undefined> }) {
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState(0);
  useEffect(() => {
    let current = true;
    fhirUser
      .then((learner) => localLearnerHistory(learner).pendingAttempts())
      .then(
        (pending) => {
          if (current) setWaiting(pending.length);
        },
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [fhirUser]);
  return (
    <div role="status" aria-live="polite">
      {waiting === 0 ? null : (
        <p className="note">
          {t('outbox.waiting', { count: waiting })} {t('outbox.waitingForChart')}
        </p>
      )}
    </div>
  );
}
