import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdaptedMatch } from '../../core/learner/adapt-ranking';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { useLocalize } from '../i18n/use-localize';
import { useFocusOnMount } from '../lib/use-focus-on-mount';
import { CaseMeta } from './case-meta';
import { PersonalReasons } from './personal-reasons';
import { StartCaseButton } from './start-case-button';

interface TopMatchProps {
  microCase: MicroCase;
  match: AdaptedMatch;
  /** Take focus when shown (after "Not relevant" replaced the previous suggestion). */
  focusOnMount: boolean;
  onStart: () => void;
  onDismiss: () => void;
}

/** The best case for this patient now, the chart facts that made it match, and why for this learner. */
export function TopMatch({ microCase, match, focusOnMount, onStart, onDismiss }: TopMatchProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const titleRef = useFocusOnMount<HTMLHeadingElement>(focusOnMount);
  const titleId = useId();
  const whyId = useId();
  const title = localize(microCase.title);
  return (
    <article className="match-card" aria-labelledby={titleId}>
      <h3 id={titleId} ref={titleRef} tabIndex={-1} className="match-title">
        {title}
      </h3>
      <p>{localize(microCase.cardSummary)}</p>
      <CaseMeta microCase={microCase} />
      {match.lowered === 'completed' ? (
        <p className="note">{t('picker.completedRecently')}</p>
      ) : null}
      <h4 id={whyId} className="why-heading">
        {t('picker.why')}
      </h4>
      <ul className="reasons" aria-labelledby={whyId}>
        {match.evidence.map((evidence, index) => (
          <li key={`${evidence.criterionId}-${index}`}>{localize(evidence.reason)}</li>
        ))}
      </ul>
      <PersonalReasons reasons={match.reasons} title={title} />
      <div className="actions">
        <StartCaseButton title={title} onStart={onStart} />
        <button type="button" className="button button-secondary" onClick={onDismiss}>
          {t('picker.dismiss')}
        </button>
      </div>
    </article>
  );
}
