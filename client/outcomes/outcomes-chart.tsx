import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ErrorBar, LabelList, Legend, XAxis, YAxis } from 'recharts';
import type { CreditComparison, WindowRate } from '../../core/wire/outcomes';
import { useOutcomeFormat } from './use-outcome-format';

interface OutcomesChartProps {
  /** The measure's label, for the figure's caption. */
  measure: string;
  comparisons: readonly CreditComparison[];
}

/** Fixed size: the app lives in a narrow EHR sidebar, and a measured container adds nothing. */
const WIDTH = 320;
const HEIGHT = 220;
/** Before and after differ by fill and by pattern of stroke, and each bar is labelled. */
const BEFORE = { fill: '#8a96a3', stroke: '#4b5563' };
const AFTER = { fill: '#0a58a8', stroke: '#0b3d60' };

/** A window's rate and the interval around it in percent, as recharts' error bar wants it. */
function point(window: WindowRate): { rate: number | null; error: [number, number] | null } {
  if (window.rate === null || window.ciLow === null || window.ciHigh === null)
    return { rate: null, error: null };
  const rate = window.rate * 100;
  return { rate, error: [rate - window.ciLow * 100, window.ciHigh * 100 - rate] };
}

/**
 * Before and after rates per credit, with their 95 % intervals as whiskers. The figure is one
 * image to assistive technology, named by a summary of the same numbers the table beside it
 * gives in full.
 */
export function OutcomesChart({ measure, comparisons }: OutcomesChartProps) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  const data = comparisons.map((comparison) => {
    const before = point(comparison.before);
    const after = point(comparison.after);
    return {
      name: format.day(comparison.creditedAt),
      before: before.rate,
      beforeError: before.error,
      after: after.rate,
      afterError: after.error,
    };
  });
  const rate = (window: WindowRate) =>
    window.rate === null
      ? t('outcomes.chart.noRate')
      : t('outcomes.chart.rate', {
          rate: format.rate(window.rate),
          interval: format.interval(window),
        });
  const summary = comparisons
    .map((comparison) =>
      t('outcomes.chart.item', {
        date: format.day(comparison.creditedAt),
        before: rate(comparison.before),
        after: rate(comparison.after),
      }),
    )
    .join(' ');
  const label = t('outcomes.chart.label', { measure, summary });
  const percent = (value: unknown) => (typeof value === 'number' ? format.rate(value / 100) : '');
  return (
    <figure className="outcomes-chart">
      <div role="img" aria-label={label}>
        <BarChart width={WIDTH} height={HEIGHT} data={data} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" />
          <YAxis domain={[0, 100]} tickFormatter={(value: number) => `${value}%`} width={52} />
          <Legend itemSorter={null} />
          <Bar
            dataKey="before"
            name={t('outcomes.before')}
            {...BEFORE}
            strokeDasharray="4 2"
            isAnimationActive={false}
          >
            <ErrorBar dataKey="beforeError" width={6} stroke="#1b1f24" />
            <LabelList
              dataKey="before"
              position="insideBottom"
              formatter={percent}
              fill="#1b1f24"
            />
          </Bar>
          <Bar dataKey="after" name={t('outcomes.after')} {...AFTER} isAnimationActive={false}>
            <ErrorBar dataKey="afterError" width={6} stroke="#1b1f24" />
            <LabelList dataKey="after" position="insideBottom" formatter={percent} fill="#ffffff" />
          </Bar>
        </BarChart>
      </div>
      <figcaption>{t('outcomes.chart.caption')}</figcaption>
    </figure>
  );
}
