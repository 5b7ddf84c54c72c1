import { useTranslation } from 'react-i18next';
import { RELAUNCH_ERROR_CODES } from '../errors/chartside-error';
import { useFhirFormat } from '../i18n/use-fhir-format';
import type { FinishedAttempt } from '../learner-history/finished-attempt';
import type { CreditOutbox } from './credit-outbox';
import type { CreditOutcome } from './credit-outcome';
import { CreditReceipt } from './credit-receipt';
import { DenialList } from './denial-list';
import { useOutboxState } from './use-credit-outbox';
import { SendNowButton } from './send-now-button';
import { useSendNow } from './use-send-now';

interface CreditResultProps {
  outbox: CreditOutbox;
  attempt: FinishedAttempt;
  /** Whether this device kept the attempt in the pending queue. */
  saved: boolean;
}

/**
 * The credit outcome of a finished case, announced when it arrives: the credit recorded, no
 * credit and why, or where the completion is kept until it can be sent ("Send now").
 */
export function CreditResult({ outbox, attempt, saved }: CreditResultProps) {
  const outcome = useOutboxState(outbox).outcomes.get(attempt.attemptId);
  const { statusRef, showButton, busy, press } = useSendNow(
    () => outbox.submit(attempt),
    outcome?.status === 'pending' && !RELAUNCH_ERROR_CODES.has(outcome.error.code),
  );
  return (
    <div className="credit-result">
      <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite">
        <OutcomeText outcome={outcome ?? { status: 'sending' }} saved={saved} />
      </div>
      <SendNowButton show={showButton} busy={busy} onPress={press} />
    </div>
  );
}

function OutcomeText({ outcome, saved }: { outcome: CreditOutcome; saved: boolean }) {
  const { t } = useTranslation();
  const format = useFhirFormat();
  switch (outcome.status) {
    case 'sending':
      return <p className="credit-line">{t('credit.recording')}</p>;
    case 'recorded': {
      const { credit } = outcome;
      return (
        <>
          {credit.awarded ? (
            <p className="credit-line credit-awarded">
              {t('credit.awarded', { amount: format.number(credit.amount) })}
            </p>
          ) : (
            <>
              <p className="credit-line">{t('credit.noCredit')}</p>
              <DenialList denials={credit.denials} />
            </>
          )}
          <CreditReceipt credit={credit} />
        </>
      );
    }
    case 'pending': {
      const { code } = outcome.error;
      if (!saved) return <p className="note note-error">{t('credit.notSaved')}</p>;
      if (!RELAUNCH_ERROR_CODES.has(code))
        return <p className="note">{t('credit.savedOffline')}</p>;
      return (
        <p className="note">
          {t('credit.savedForNextLaunch')} {t(`errors.${code}.title`)}. {t(`errors.${code}.action`)}
        </p>
      );
    }
    case 'refused': {
      const { code } = outcome.error;
      return (
        <>
          <p className="credit-line">
            {t('credit.noCreditBecause', { reason: t(`errors.${code}.title`) })}
          </p>
          <p className="item-meta">
            {t(`errors.${code}.action`)} {saved ? t('credit.keptForRecord') : null}
          </p>
        </>
      );
    }
  }
}
