import { useCallback } from 'react';
import { useAdminApi } from '../lib/admin-api-context';
import { useLoad } from '../lib/use-load';
import { usePageHeading } from '../lib/use-page-heading';
import { ErrorAlert } from '../ui/error-alert';
import { AuditTable } from './audit-table';

/** Every change to every EHR registration. */
export function AuditPage() {
  const api = useAdminApi();
  const heading = usePageHeading('Audit log');
  const load = useCallback((signal: AbortSignal) => api.auditLog(undefined, signal), [api]);
  const [log, reload] = useLoad(load);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Audit log
      </h1>
      {log.state === 'loading' ? <p role="status">Loading the audit log…</p> : null}
      {log.state === 'error' ? (
        <ErrorAlert title="The audit log could not be loaded" error={log.error} onRetry={reload} />
      ) : null}
      {log.state === 'ready' ? (
        <AuditTable entries={log.data.entries} caption="Changes to EHR registrations" />
      ) : null}
    </>
  );
}
