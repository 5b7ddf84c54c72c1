import type { ClinicianComparison } from '../../core/wire/outcomes';
import { clinicianName, outcomeFormat } from './outcomes-format';

const WINDOWS = [
  ['before', 'Before'],
  ['after', 'After'],
] as const;

/** One measure's rows per clinician and credit: the numbers the chart summarises, in full. */
export function OutcomesTable({
  measure,
  rows,
  tenantNames,
}: {
  measure: string;
  rows: readonly ClinicianComparison[];
  tenantNames: ReadonlyMap<string, string>;
}) {
  return (
    <table>
      <caption>{measure}: rate before and after each credit, per clinician</caption>
      <thead>
        <tr>
          <th scope="col">EHR</th>
          <th scope="col">Clinician</th>
          <th scope="col">Case</th>
          <th scope="col">Credited</th>
          <th scope="col">Window</th>
          <th scope="col">Period</th>
          <th scope="col">Met</th>
          <th scope="col">Counted</th>
          <th scope="col">Rate</th>
          <th scope="col">95 % interval</th>
        </tr>
      </thead>
      {rows.map((row) => (
        <tbody key={`${row.tenantId} ${row.creditId} ${row.measureId}`}>
          {WINDOWS.map(([name, label], index) => {
            const window = row[name];
            return (
              <tr key={name}>
                {index === 0 ? (
                  <>
                    <td rowSpan={2}>{tenantNames.get(row.tenantId) ?? row.tenantId}</td>
                    <th scope="rowgroup" rowSpan={2}>
                      {clinicianName(row)}
                    </th>
                    <td rowSpan={2}>{row.caseTitle.en}</td>
                    <td rowSpan={2}>{outcomeFormat.day(row.creditedAt)}</td>
                  </>
                ) : null}
                <th scope="row">{label}</th>
                <td>{outcomeFormat.period(window)}</td>
                <td className="number">{outcomeFormat.count(window.numerator)}</td>
                <td className="number">{outcomeFormat.count(window.denominator)}</td>
                <td className="number">{outcomeFormat.rate(window.rate)}</td>
                <td className="number">{outcomeFormat.interval(window)}</td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}
