import { useState, type SyntheticEvent } from 'react';
import { PARS_FORMATS, type ParsFormat } from '../../core/wire/admin';
import type { ParsFile } from '../lib/admin-api';
import { useAdminApi } from '../lib/admin-api-context';
import { AdminError } from '../lib/admin-error';
import { usePageHeading } from '../lib/use-page-heading';
import { ErrorAlert } from '../ui/error-alert';
import { saveFile } from '../ui/save-file';

const FORMAT_LABELS: Record<ParsFormat, string> = {
  csv: 'CSV (comma-separated)',
  tsv: 'TSV (tab-separated)',
};
const MEDIA_TYPES: Record<ParsFormat, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
};

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Last calendar month: what a CME office reports at the start of a month. */
function lastMonth(today: Date): { from: string; to: string } {
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  return { from: isoDay(first), to: isoDay(last) };
}

const completions = (count: number): string => `${count} completion${count === 1 ? '' : 's'}`;

/** What the downloaded file holds, and who was left out and why (never who they are). */
function Summary({ file }: { file: ParsFile }) {
  const { included, noConsent, missingIdentifiers, participation } = file.summary;
  return (
    <div role="status">
      <p>
        Downloaded {file.name}: {completions(included)}.
      </p>
      {noConsent > 0 ? <p>{completions(noConsent)} left out: no consent.</p> : null}
      {missingIdentifiers > 0 ? (
        <p>
          {completions(missingIdentifiers)} left out: the learner has not given their name, birth
          month and day, and board ID or NPI.
        </p>
      ) : null}
      {participation > 0 ? (
        <p>
          {completions(participation)} left out: participation by other health professionals, not
          AMA PRA credit, which is what PARS learner data reports.
        </p>
      ) : null}
    </div>
  );
}

/**
 * Reports → PARS export: the awarded credits of a date range as a file for ACCME's PARS, for
 * the learners who consented to report (ACCME Standard 2). No patient data is in the file.
 */
export function ParsExportPage() {
  const api = useAdminApi();
  const heading = usePageHeading('PARS export');
  const [range, setRange] = useState(() => lastMonth(new Date()));
  const [format, setFormat] = useState<ParsFormat>('csv');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ file: ParsFile } | { error: AdminError }>();
  const download = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setResult(undefined);
    try {
      const file = await api.parsReport({ ...range, format });
      saveFile(file.name, file.text, MEDIA_TYPES[format]);
      setResult({ file });
    } catch (error) {
      const failure =
        error instanceof AdminError
          ? error
          : new AdminError('SERVER_UNAVAILABLE', 'The PARS export failed', [], { cause: error });
      setResult({ error: failure });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        PARS export
      </h1>
      <p>
        Credits awarded in the date range, as a file to upload to ACCME&rsquo;s Program and Activity
        Reporting System: each learner&rsquo;s board ID or NPI, name, birth month and day, the
        completion date, credit type and amount. Only learners who gave permission in their profile
        are listed; no patient data is included. Each export is written to the audit log.
      </p>
      <form onSubmit={(event) => void download(event)} noValidate>
        {(['from', 'to'] as const).map((end) => (
          <div className="field" key={end}>
            <label htmlFor={`pars-${end}`}>{end === 'from' ? 'From' : 'To (included)'}</label>
            <input
              id={`pars-${end}`}
              type="date"
              required
              value={range[end]}
              onChange={(e) => {
                setRange({ ...range, [end]: e.target.value });
              }}
            />
          </div>
        ))}
        <div className="field">
          <label htmlFor="pars-format">Format</label>
          <select
            id="pars-format"
            value={format}
            onChange={(e) => {
              setFormat(e.target.value as ParsFormat);
            }}
          >
            {PARS_FORMATS.map((value) => (
              <option key={value} value={value}>
                {FORMAT_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Preparing the file…' : 'Download PARS file'}
        </button>
      </form>
      {result !== undefined && 'file' in result ? <Summary file={result.file} /> : null}
      {result !== undefined && 'error' in result ? (
        <ErrorAlert title="The PARS file could not be exported" error={result.error} />
      ) : null}
    </>
  );
}
