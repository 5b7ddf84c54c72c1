import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditComparison, MeasureSummary } from '../../core/wire/outcomes';
import { useLocalize } from '../i18n/use-localize';
import { OutcomesChart } from './outcomes-chart';
import { OutcomesTable } from './outcomes-table';
import { useOutcomeFormat, windowDays } from './use-outcome-format';

interface MeasureOutcomesProps {
  measure: MeasureSummary;
  comparisons: readonly CreditComparison[];
  afterDays: number;
}

/** One measure: what it counts and how it is simplified, then the chart and the table. */
export function MeasureOutcomes({ measure, comparisons, afterDays }: MeasureOutcomesProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const format = useOutcomeFormat();
  const headingId = useId();
  const label = localize(measure.label);
  const short = comparisons.filter((c) => windowDays(c.after) < afterDays);
  return (
    <section className="measure-outcomes" aria-labelledby={headingId}>
      <h3 id={headingId}>{label}</h3>
      <p className="measure-direction">
        {t(measure.lowerIsBetter ? 'outcomes.lowerIsBetter' : 'outcomes.higherIsBetter')}{' '}
        {t(`outcomes.basis.${measure.basis}`)}
      </p>
      <p>{localize(measure.simplification)}</p>
      <OutcomesChart measure={label} comparisons={comparisons} />
      <OutcomesTable measure={label} comparisons={comparisons} />
      {short.map((comparison) => (
        <p key={comparison.creditId} className="item-meta">
          {t('outcomes.afterShort', {
            case: localize(comparison.caseTitle),
            date: format.day(comparison.creditedAt),
            days: windowDays(comparison.after),
            total: afterDays,
          })}
        </p>
      ))}
    </section>
  );
}
