import { useCallback } from 'react';
import { useAdminApi } from '../lib/admin-api-context';
import { useLoad } from '../lib/use-load';
import { ErrorAlert } from '../ui/error-alert';
import { AuditTable } from './audit-table';

/** The audit log of one EHR's registration; `refresh` changes when the registration does. */
export function TenantAuditPanel({ tenantId, refresh }: { tenantId: string; refresh: string }) {
  const api = useAdminApi();
  const load = useCallback(
    (signal: AbortSignal) => api.auditLog(tenantId, signal),
    // `refresh` reloads the log after this page changed the registration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, tenantId, refresh],
  );
  const [log, reload] = useLoad(load);
  return (
    <section className="panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Changes to this registration</h2>
      {log.state === 'loading' ? <p role="status">Loading the audit log…</p> : null}
      {log.state === 'error' ? (
        <ErrorAlert title="The audit log could not be loaded" error={log.error} onRetry={reload} />
      ) : null}
      {log.state === 'ready' ? (
        <AuditTable entries={log.data.entries} caption="Changes to this registration" />
      ) : null}
    </section>
  );
}
