import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from './use-now';

interface PlayerProgressProps {
  answered: number;
  total: number;
  /** The case's stated length. */
  minutes: number;
  startedAt: string;
}

/** Questions answered so far (a native progress bar with its text) and about how long is left. */
export function PlayerProgress({ answered, total, minutes, startedAt }: PlayerProgressProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const now = useNow(15_000);
  const elapsedMinutes = Math.max(0, now - Date.parse(startedAt)) / 60_000;
  const minutesLeft = Math.max(1, Math.ceil(minutes - elapsedMinutes));
  return (
    <div className="player-progress">
      <span id={labelId}>{t('player.progress', { answered, total })}</span>
      <progress aria-labelledby={labelId} value={answered} max={total} />
      <span className="item-meta">{t('player.timeLeft', { count: minutesLeft })}</span>
    </div>
  );
}
