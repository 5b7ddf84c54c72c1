import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditAccess } from '../credits/credit-access';
import { fetchMyData, resetProfile } from '../lib/profile-api';
import { saveFile } from '../lib/save-file';

interface MyDataPanelProps {
  access: CreditAccess;
  /** After a reset: the profile is empty again. */
  onReset: () => void;
}

type Notice = 'downloadFailed' | 'resetFailed' | 'resetDone' | undefined;

/** "Download my data" and "Reset my profile" (asked once more; the credit record is kept). */
export function MyDataPanel({ access, onReset }: MyDataPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const confirmId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(undefined);
  const run = async (work: () => Promise<Notice>, failed: Notice) => {
    setBusy(true);
    setNotice(undefined);
    setNotice(await work().catch(() => failed));
    setBusy(false);
  };
  const download = () =>
    run(async () => {
      const data = await fetchMyData((await access.session()).sessionToken);
      saveFile(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
        'chartside-my-data.json',
      );
      return undefined;
    }, 'downloadFailed');
  const reset = () =>
    run(async () => {
      await resetProfile((await access.session()).sessionToken);
      setConfirming(false);
      onReset();
      return 'resetDone';
    }, 'resetFailed');
  return (
    <section className="my-data" aria-labelledby={headingId}>
      <h3 id={headingId} className="subheading">
        {t('profile.data.heading')}
      </h3>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => void download()}
        >
          {t('profile.data.download')}
        </button>
        {confirming ? null : (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => {
              setNotice(undefined);
              setConfirming(true);
            }}
          >
            {t('profile.data.reset')}
          </button>
        )}
      </div>
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby={confirmId}>
          <p id={confirmId}>{t('profile.data.confirmText')}</p>
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void reset()}>
              {t('profile.data.confirm')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t('profile.data.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {notice === 'resetDone' ? (
        <p className="note" role="status">
          {t('profile.data.resetDone')}
        </p>
      ) : notice === undefined ? null : (
        <p className="note note-error" role="alert">
          {t(`profile.data.${notice}`)}
        </p>
      )}
    </section>
  );
}
