import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdaptedMatch } from '../../core/learner/adapt-ranking';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { useLocalize } from '../i18n/use-localize';
import { PersonalReasons } from './personal-reasons';
import { StartCaseButton } from './start-case-button';

interface AlternativeMatchesProps {
  alternatives: { microCase: MicroCase; match: AdaptedMatch }[];
  onStart: (caseId: string) => void;
}

/** The next matches, each with its strongest chart reason and why for this learner. */
export function AlternativeMatches({ alternatives, onStart }: AlternativeMatchesProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const headingId = useId();
  return (
    <section className="alternatives" aria-labelledby={headingId}>
      <h3 id={headingId} className="subheading">
        {t('picker.alternatives')}
      </h3>
      <ul className="item-list">
        {alternatives.map(({ microCase, match }) => {
          const title = localize(microCase.title);
          const reason = match.evidence[0];
          return (
            <li key={microCase.id} className="item alternative">
              <span className="item-name">{title}</span>
              {reason === undefined ? null : (
                <span className="item-meta">{localize(reason.reason)}</span>
              )}
              <PersonalReasons reasons={match.reasons} title={title} />
              <StartCaseButton
                title={title}
                secondary
                onStart={() => {
                  onStart(microCase.id);
                }}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
