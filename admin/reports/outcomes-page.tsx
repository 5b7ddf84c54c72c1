import { useCallback, useState } from 'react';
import { MEASURE_IDS, type MeasureId } from '../../core/measures/measure';
import type { AdminOutcomesResponse } from '../../core/wire/outcomes';
import type { OutcomesFilter } from '../lib/admin-api';
import { useAdminApi } from '../lib/admin-api-context';
import { AdminError } from '../lib/admin-error';
import { useLoad } from '../lib/use-load';
import { usePageHeading } from '../lib/use-page-heading';
import { ErrorAlert } from '../ui/error-alert';
import { saveFile } from '../ui/save-file';
import { OutcomesChart } from './outcomes-chart';
import { outcomeFormat } from './outcomes-format';
import { OutcomesStatement } from './outcomes-statement';
import { OutcomesTable } from './outcomes-table';
import './outcomes.css';

/** When and from what the report was computed, then per measure: what it counts, chart, table. */
function Report({
  report,
  tenantNames,
}: {
  report: AdminOutcomesResponse;
  tenantNames: ReadonlyMap<string, string>;
}) {
  const { computedAt, population, windows } = report;
  if (computedAt === null)
    return <p>Outcomes have not been computed yet — the job runs nightly.</p>;
  return (
    <>
      <p>
        Computed {outcomeFormat.dateTime(computedAt)}
        {population === null
          ? ''
          : ` from ${population.patients} patients via ${population.source === 'bulk' ? 'Bulk Data' : 'FHIR search'}`}
        . Before: the {windows.beforeDays} days up to each credit. After: up to {windows.afterDays}{' '}
        days from it.
      </p>
      {report.comparisons.length === 0 ? (
        <p>No credit is linked to a quality measure for this selection yet.</p>
      ) : null}
      {report.measures.map((measure) => {
        const rows = report.comparisons.filter((c) => c.measureId === measure.id);
        return (
          <section key={measure.id} className="measure-report" aria-labelledby={`m-${measure.id}`}>
            <h2 id={`m-${measure.id}`}>{measure.label.en}</h2>
            <p>
              <strong>{measure.lowerIsBetter ? 'Lower is better.' : 'Higher is better.'}</strong>{' '}
              Counted per {measure.basis}. {measure.simplification.en}
            </p>
            <OutcomesChart measure={measure.label.en} rows={rows} />
            <OutcomesTable measure={measure.label.en} rows={rows} tenantNames={tenantNames} />
          </section>
        );
      })}
    </>
  );
}

/**
 * Reports → Outcomes (issue 8): each clinician's quality-measure rates before and after their
 * credits, filtered by EHR and measure, with small numbers suppressed and a CSV download.
 */
export function OutcomesPage() {
  const api = useAdminApi();
  const heading = usePageHeading('Outcomes');
  const [filter, setFilter] = useState<OutcomesFilter>({});
  // The EHR list is read once: the filter's options stay put while the report reloads.
  const [tenantList] = useLoad(
    useCallback((signal: AbortSignal) => api.listTenants(signal), [api]),
  );
  const [loaded, reload] = useLoad(
    useCallback((signal: AbortSignal) => api.outcomes(filter, signal), [api, filter]),
  );
  const [download, setDownload] = useState<{ busy: boolean; error?: AdminError }>({
    busy: false,
  });
  const downloadCsv = async () => {
    setDownload({ busy: true });
    try {
      saveFile('chartside-outcomes.csv', await api.outcomesCsv(filter), 'text/csv');
      setDownload({ busy: false });
    } catch (error) {
      setDownload({ busy: false, error: AdminError.from(error) });
    }
  };
  const tenants = tenantList.state === 'ready' ? tenantList.data : [];
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Outcomes
      </h1>
      <p>
        Each clinician&rsquo;s quality-measure rates before and after each credit for a case that
        serves the measure, computed from the EHR&rsquo;s own data by the outcomes job.
      </p>
      <OutcomesStatement />
      <div className="filters">
        <div className="field inline">
          <label htmlFor="outcomes-tenant">EHR</label>
          <select
            id="outcomes-tenant"
            value={filter.tenant ?? ''}
            onChange={(e) => {
              setFilter({ ...filter, tenant: e.target.value || undefined });
            }}
          >
            <option value="">All EHRs</option>
            {tenants.map((tenant) => (
              <option key={tenant.id} value={tenant.id}>
                {tenant.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="outcomes-measure">Measure</label>
          <select
            id="outcomes-measure"
            value={filter.measure ?? ''}
            onChange={(e) => {
              setFilter({
                ...filter,
                measure: (e.target.value || undefined) as MeasureId | undefined,
              });
            }}
          >
            <option value="">All measures</option>
            {MEASURE_IDS.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </div>
        <button type="button" disabled={download.busy} onClick={() => void downloadCsv()}>
          {download.busy ? 'Preparing the CSV…' : 'Download CSV'}
        </button>
      </div>
      {download.error ? (
        <ErrorAlert title="The CSV could not be downloaded" error={download.error} />
      ) : null}
      {loaded.state === 'loading' ? <p role="status">Loading the outcomes…</p> : null}
      {loaded.state === 'error' ? (
        <ErrorAlert
          title="The outcomes could not be loaded"
          error={loaded.error}
          onRetry={reload}
        />
      ) : null}
      {loaded.state === 'ready' ? (
        <Report report={loaded.data} tenantNames={new Map(tenants.map((t) => [t.id, t.name]))} />
      ) : null}
    </>
  );
}

export default OutcomesPage;
