import { useTranslation } from 'react-i18next';
import { RELAUNCH_ERROR_CODES } from '../errors/chartside-error';
import type { CreditOutbox } from './credit-outbox';
import { useOutboxState } from './use-credit-outbox';
import { SendNowButton } from './send-now-button';
import { useSendNow } from './use-send-now';

/**
 * Finished cases this device still holds for credit, what the last attempt to send them did,
 * and "Send now". Shows nothing when there is nothing to tell.
 */
export function PendingNotice({ outbox }: { outbox: CreditOutbox }) {
  const { t } = useTranslation();
  const { pending, sending, lastRound, keptInTabOnly } = useOutboxState(outbox);
  const error = lastRound?.error;
  const lines: string[] = [];
  if (sending) lines.push(t('outbox.sending'));
  if (!sending && lastRound !== undefined && lastRound.recorded > 0) {
    lines.push(t('outbox.sent', { count: lastRound.recorded }));
  }
  if (!sending && lastRound !== undefined && lastRound.refused > 0) {
    lines.push(t('outbox.refused', { count: lastRound.refused }));
  }
  if (!sending && pending.length > 0) {
    lines.push(t('outbox.waiting', { count: pending.length }));
    if (keptInTabOnly) lines.push(t('outbox.inTabOnly'));
    if (error !== undefined) {
      lines.push(
        RELAUNCH_ERROR_CODES.has(error.code)
          ? `${t(`errors.${error.code}.title`)}. ${t(`errors.${error.code}.action`)}`
          : t('credit.savedOffline'),
      );
    }
  }
  const { statusRef, showButton, busy, press } = useSendNow(
    () => outbox.sendPending(),
    !sending &&
      pending.length > 0 &&
      (error === undefined || !RELAUNCH_ERROR_CODES.has(error.code)),
  );
  return (
    <div className="pending-notice">
      <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite">
        {lines.length === 0 ? null : (
          <p className="note">
            {lines.map((line) => (
              <span key={line} className="note-line">
                {line}
              </span>
            ))}
          </p>
        )}
      </div>
      <SendNowButton show={showButton} busy={busy} onPress={press} />
    </div>
  );
}
