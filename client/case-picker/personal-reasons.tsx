import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankingReason } from '../../core/learner/ranking-reasons';
import { useLocalize } from '../i18n/use-localize';

interface PersonalReasonsProps {
  reasons: readonly RankingReason[];
  /** The case's title, so each disclosure has a name of its own for a screen reader. */
  title: string;
}

/**
 * "Why am I seeing this?": what about the learner (profile, answers, history) moved this
 * suggestion, behind a disclosure button (WAI-ARIA APG disclosure pattern).
 */
export function PersonalReasons({ reasons, title }: PersonalReasonsProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="personal-reasons">
      <button
        type="button"
        className="why-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
        }}
      >
        {t('picker.whyMe')}
        <span className="visually-hidden"> ({title})</span>
      </button>
      <div id={panelId} hidden={!open}>
        {reasons.length === 0 ? (
          <p className="hint">{t('picker.whyMeNothing')}</p>
        ) : (
          <ul className="reasons">
            {reasons.map((reason) => (
              <li key={reason.code}>
                <span className={`effect effect-${reason.effect}`}>
                  {t(`picker.effect.${reason.effect}`)}
                </span>{' '}
                {localize(reason.text)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
