import { useTranslation } from 'react-i18next';

interface StartCaseButtonProps {
  title: string;
  onStart: () => void;
  secondary?: boolean;
}

/** "Start case", named with the case title so that each button says which case it starts. */
export function StartCaseButton({ title, onStart, secondary = false }: StartCaseButtonProps) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={secondary ? 'button button-secondary' : 'button'}
      aria-label={t('picker.startNamed', { title })}
      onClick={onStart}
    >
      {t('picker.start')}
    </button>
  );
}
