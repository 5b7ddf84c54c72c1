import { useCallback, useState } from 'react';
import { useAdminApi } from '../lib/admin-api-context';
import { useLoad } from '../lib/use-load';
import { ErrorAlert } from '../ui/error-alert';

const percent = (rate: number) => `${Math.round(rate * 100)}%`;
const WINDOWS = [30, 90, 365] as const;

/** How clinicians at one EHR answered each case's CDS cards: accepted, dismissed, rates. */
export function CdsFeedbackPanel({ iss }: { iss: string }) {
  const api = useAdminApi();
  const [days, setDays] = useState<number>(90);
  const load = useCallback(
    (signal: AbortSignal) => api.cdsFeedback(iss, days, signal),
    [api, iss, days],
  );
  const [rates, reload] = useLoad(load);
  return (
    <section className="panel" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">CDS feedback by case</h2>
      <div className="field inline">
        <label htmlFor="feedback-days">Period</label>
        <select id="feedback-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {WINDOWS.map((window) => (
            <option key={window} value={window}>
              Last {window} days
            </option>
          ))}
        </select>
      </div>
      {rates.state === 'loading' ? <p role="status">Loading feedback…</p> : null}
      {rates.state === 'error' ? (
        <ErrorAlert title="CDS feedback could not be loaded" error={rates.error} onRetry={reload} />
      ) : null}
      {rates.state === 'ready' && rates.data.cases.length === 0 ? (
        <p>No cards were issued to this EHR in the last {days} days.</p>
      ) : null}
      {rates.state === 'ready' && rates.data.cases.length > 0 ? (
        <table>
          <caption>CDS cards per case, last {days} days</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Cards issued</th>
              <th scope="col">Accepted</th>
              <th scope="col">Dismissed</th>
              <th scope="col">Acceptance rate</th>
              <th scope="col">Dismissal rate</th>
            </tr>
          </thead>
          <tbody>
            {rates.data.cases.map((row) => (
              <tr key={row.caseId}>
                <th scope="row">{row.caseId}</th>
                <td>{row.issued}</td>
                <td>{row.accepted}</td>
                <td>{row.dismissed}</td>
                <td>{percent(row.acceptanceRate)}</td>
                <td>{percent(row.dismissalRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
