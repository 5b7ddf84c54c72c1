import { useTranslation } from 'react-i18next';
import { isParticipation } from '../../core/credits/credit-policy';
import { RELAUNCH_ERROR_CODES } from '../errors/chartside-error';
import { CertificateButton } from '../transcript/certificate-button';
import { useFhirFormat } from '../i18n/use-fhir-format';
import type { FinishedAttempt } from '../learner-history/finished-attempt';
import type { CreditAccess } from './credit-access';
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
  /** The launch's access, for the certificate of a recorded credit; without it, no button. */
  access?: CreditAccess;
}

/**
 * The credit outcome of a finished case, announced when it arrives: the credit recorded, no
 * credit and why, or where the completion is kept until it can be sent ("Send now").
 */
export function CreditResult({ outbox, attempt, saved, access }: CreditResultProps) {
  const { outcomes, keptInTabOnly } = useOutboxState(outbox);
  const outcome = outcomes.get(attempt.attemptId);
  const { statusRef, showButton, busy, press } = useSendNow(
    () => outbox.submit(attempt),
    outcome?.status === 'pending' && !RELAUNCH_ERROR_CODES.has(outcome.error.code),
  );
  return (
    <div className="credit-result">
      <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite">
        <OutcomeText
          outcome={outcome ?? { status: 'sending' }}
          saved={saved}
          inTabOnly={keptInTabOnly}
        />
      </div>
      <SendNowButton show={showButton} busy={busy} onPress={press} />
      {access !== undefined && outcome?.status === 'recorded' ? (
        <CertificateButton access={access} credit={outcome.credit} />
      ) : null}
    </div>
  );
}

interface OutcomeTextProps {
  outcome: CreditOutcome;
  saved: boolean;
  /** Saved only in this tab's memory: closing the tab loses it. */
  inTabOnly: boolean;
}

function OutcomeText({ outcome, saved, inTabOnly }: OutcomeTextProps) {
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
              {t(isParticipation(credit.creditType) ? 'credit.participation' : 'credit.awarded', {
                amount: format.number(credit.amount),
              })}
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
      const relaunch = RELAUNCH_ERROR_CODES.has(code);
      if (!saved) return <p className="note note-error">{t('credit.notSaved')}</p>;
      if (inTabOnly) {
        return (
          <p className="note note-error">
            {t('credit.savedInTabOnly')}
            {relaunch ? ` ${t(`errors.${code}.title`)}. ${t(`errors.${code}.action`)}` : null}
          </p>
        );
      }
      if (!relaunch) return <p className="note">{t('credit.savedOffline')}</p>;
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
