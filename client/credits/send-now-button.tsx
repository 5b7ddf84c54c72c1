import { useTranslation } from 'react-i18next';

/** "Send now" for finished cases still waiting on this device; rendered only when it can help. */
export function SendNowButton({
  show,
  busy,
  onPress,
}: {
  show: boolean;
  busy: boolean;
  onPress: () => void;
}) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <button
      type="button"
      className="button button-secondary"
      aria-disabled={busy}
      onClick={onPress}
    >
      {t('credit.sendNow')}
    </button>
  );
}
