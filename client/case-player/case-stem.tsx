import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseMatch } from '../../core/matcher/match-cases';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { useLocalize } from '../i18n/use-localize';
import { YourPatient } from './your-patient';

interface CaseStemProps {
  stem: MicroCase['stem'];
  /** This patient's match, when the case was launched on a patient it fits. */
  match: CaseMatch | undefined;
}

/** The teaching case, then "Your patient": the matching values from the chart in context. */
export function CaseStem({ stem, match }: CaseStemProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const headingId = useId();
  return (
    <>
      <section className="stem" aria-labelledby={headingId}>
        <h3 id={headingId} className="subheading">
          {t('player.stem')}
        </h3>
        <p className="stem-text">{localize(stem.text)}</p>
      </section>
      {match === undefined ? null : <YourPatient slots={stem.slots} evidence={match.evidence} />}
    </>
  );
}
