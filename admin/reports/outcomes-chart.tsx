import { Bar, BarChart, CartesianGrid, ErrorBar, LabelList, Legend, XAxis, YAxis } from 'recharts';
import type { ClinicianComparison, WindowRate } from '../../core/wire/outcomes';
import { clinicianName, outcomeFormat } from './outcomes-format';

/** Fixed size: no measured container, so the chart renders the same in tests and browsers. */
const WIDTH = 720;
const HEIGHT = 260;

function point(window: WindowRate): { rate: number | null; error: [number, number] | null } {
  if (window.rate === null || window.ciLow === null || window.ciHigh === null)
    return { rate: null, error: null };
  const rate = window.rate * 100;
  return { rate, error: [rate - window.ciLow * 100, window.ciHigh * 100 - rate] };
}

const percent = (value: unknown): string =>
  typeof value === 'number' ? outcomeFormat.rate(value / 100) : '';

/**
 * One measure's before and after rates per clinician and credit, whiskers for the 95 %
 * intervals. One image to assistive technology, named by a summary; the table gives it all.
 */
export function OutcomesChart({
  measure,
  rows,
}: {
  measure: string;
  rows: readonly ClinicianComparison[];
}) {
  const data = rows.map((row) => {
    const before = point(row.before);
    const after = point(row.after);
    return {
      name: `${clinicianName(row)}, ${outcomeFormat.day(row.creditedAt)}`,
      before: before.rate,
      beforeError: before.error,
      after: after.rate,
      afterError: after.error,
    };
  });
  const rate = (window: WindowRate) =>
    window.rate === null
      ? 'not shown (small numbers)'
      : `${outcomeFormat.rate(window.rate)} (95 % interval ${outcomeFormat.interval(window)})`;
  const summary = rows
    .map(
      (row) =>
        `${clinicianName(row)}, credit of ${outcomeFormat.day(row.creditedAt)}: before ${rate(row.before)}, after ${rate(row.after)}.`,
    )
    .join(' ');
  return (
    <figure className="outcomes-chart">
      <div
        role="img"
        aria-label={`Chart of ${measure}. ${summary} The table below gives every number.`}
      >
        <BarChart width={WIDTH} height={HEIGHT} data={data} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" />
          <YAxis domain={[0, 100]} tickFormatter={(value: number) => `${value}%`} width={52} />
          <Legend itemSorter={null} />
          <Bar
            dataKey="before"
            name="Before"
            fill="#8a96a3"
            stroke="#4b5563"
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
          <Bar
            dataKey="after"
            name="After"
            fill="#0a58a8"
            stroke="#0b3d60"
            isAnimationActive={false}
          >
            <ErrorBar dataKey="afterError" width={6} stroke="#1b1f24" />
            <LabelList dataKey="after" position="insideBottom" formatter={percent} fill="#ffffff" />
          </Bar>
        </BarChart>
      </div>
      <figcaption>
        Bars: the rate before (grey, dashed outline) and after (blue) each credit; whiskers: the 95
        % interval. A missing bar is a suppressed rate.
      </figcaption>
    </figure>
  );
}
