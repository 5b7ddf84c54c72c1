import { useTranslation } from 'react-i18next';
import type { CreditComparison } from '../../core/wire/outcomes';
import { useLocalize } from '../i18n/use-localize';
import { useOutcomeFormat } from './use-outcome-format';

interface OutcomesTableProps {
  /** The measure's label, for the caption. */
  measure: string;
  comparisons: readonly CreditComparison[];
}

const WINDOWS = ['before', 'after'] as const;
const COLUMNS = 5;

/**
 * The measure's numbers before and after each credit: the accessible source of truth the chart
 * only summarises. A suppressed count reads "<11" and its rate and interval "—". Five columns,
 * the credit heading its rows: the app lives in a narrow EHR sidebar.
 */
export function OutcomesTable({ measure, comparisons }: OutcomesTableProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const format = useOutcomeFormat();
  return (
    <table className="outcomes-table">
      <caption>{t('outcomes.table.caption', { measure })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('outcomes.table.window')}</th>
          <th scope="col">{t('outcomes.table.numerator')}</th>
          <th scope="col">{t('outcomes.table.denominator')}</th>
          <th scope="col">{t('outcomes.table.rate')}</th>
          <th scope="col">{t('outcomes.table.interval')}</th>
        </tr>
      </thead>
      {comparisons.map((comparison) => (
        <tbody key={`${comparison.creditId}-${comparison.measureId}`}>
          <tr>
            <th scope="rowgroup" colSpan={COLUMNS} className="outcomes-credit">
              {t('outcomes.table.credit', {
                case: localize(comparison.caseTitle),
                date: format.day(comparison.creditedAt),
              })}
            </th>
          </tr>
          {WINDOWS.map((name) => {
            const window = comparison[name];
            return (
              <tr key={name}>
                <th scope="row">
                  {t(`outcomes.${name}`)}
                  <span className="item-meta outcomes-period">{format.period(window)}</span>
                </th>
                <td className="number">{format.count(window.numerator)}</td>
                <td className="number">{format.count(window.denominator)}</td>
                <td className="number">{format.rate(window.rate)}</td>
                <td className="number">{format.interval(window)}</td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}
