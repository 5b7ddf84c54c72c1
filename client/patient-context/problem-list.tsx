import type { Condition } from 'fhir/r4';
import { useTranslation } from 'react-i18next';
import { codeLabel, codeableText } from './codeable-text';
import { SummarySection } from './summary-section';

interface ProblemListProps {
  conditions: readonly Condition[];
  unavailable: boolean;
}

/** Active problems: what the chart calls them, with the code underneath. */
export function ProblemList({ conditions, unavailable }: ProblemListProps) {
  const { t } = useTranslation();
  return (
    <SummarySection
      heading={t('problems.heading')}
      count={conditions.length}
      emptyText={t('problems.empty')}
      unavailable={unavailable}
    >
      {conditions.map((condition, index) => {
        const code = codeLabel(condition.code);
        return (
          <li key={condition.id ?? index} className="item">
            <span className="item-name">
              {codeableText(condition.code) ?? t('section.unnamed')}
            </span>
            {code === undefined ? null : <span className="item-meta">{code}</span>}
          </li>
        );
      })}
    </SummarySection>
  );
}
