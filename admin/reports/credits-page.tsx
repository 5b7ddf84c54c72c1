import { useCallback, useState } from 'react';
import { CREDIT_PERIODS, type CreditsPerPeriod } from '../../core/wire/admin';
import { useAdminApi } from '../lib/admin-api-context';
import { useLoad } from '../lib/use-load';
import { usePageHeading } from '../lib/use-page-heading';
import { ErrorAlert } from '../ui/error-alert';

type Period = CreditsPerPeriod['period'];
const PERIOD_LABELS: Record<Period, string> = { day: 'Day', month: 'Month', year: 'Year' };
const hours = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Credits issued per day, month or year and EHR, from the ledger. */
export function CreditsPage() {
  const api = useAdminApi();
  const heading = usePageHeading('Credits issued');
  const [period, setPeriod] = useState<Period>('month');
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [report, tenants] = await Promise.all([
        api.credits(period, signal),
        api.listTenants(signal),
      ]);
      return { report, names: new Map(tenants.map((t) => [t.id, t.name])) };
    },
    [api, period],
  );
  const [loaded, reload] = useLoad(load);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Credits issued
      </h1>
      <div className="field inline">
        <label htmlFor="credits-period">Per</label>
        <select
          id="credits-period"
          value={period}
          onChange={(e) => setPeriod(e.target.value as Period)}
        >
          {CREDIT_PERIODS.map((value) => (
            <option key={value} value={value}>
              {PERIOD_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      {loaded.state === 'loading' ? <p role="status">Loading credits…</p> : null}
      {loaded.state === 'error' ? (
        <ErrorAlert title="Credits could not be loaded" error={loaded.error} onRetry={reload} />
      ) : null}
      {loaded.state === 'ready' && loaded.data.report.rows.length === 0 ? (
        <p>No credit has been issued yet.</p>
      ) : null}
      {loaded.state === 'ready' && loaded.data.report.rows.length > 0 ? (
        <table>
          <caption>Credits issued per {period} and EHR</caption>
          <thead>
            <tr>
              <th scope="col">{PERIOD_LABELS[period]}</th>
              <th scope="col">EHR</th>
              <th scope="col">Completions</th>
              <th scope="col">Credits awarded</th>
              <th scope="col">Credit hours</th>
              <th scope="col">Participation certificates</th>
              <th scope="col">Participation hours</th>
              <th scope="col">Learners</th>
            </tr>
          </thead>
          <tbody>
            {loaded.data.report.rows.map((row) => (
              <tr key={`${row.period} ${row.tenantId}`}>
                <th scope="row">{row.period}</th>
                <td>{loaded.data.names.get(row.tenantId) ?? row.iss ?? row.tenantId}</td>
                <td>{row.completions}</td>
                <td>{row.creditsAwarded}</td>
                <td>{hours.format(row.amount)}</td>
                <td>{row.participations}</td>
                <td>{hours.format(row.participationAmount)}</td>
                <td>{row.learners}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
