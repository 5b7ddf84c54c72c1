import { useCallback, useEffect, useRef, useState } from 'react';
import type { TenantSaved } from '../../core/wire/admin';
import { useAdminApi } from '../lib/admin-api-context';
import { AdminError } from '../lib/admin-error';
import { routeHref } from '../lib/admin-route';
import { useLoad } from '../lib/use-load';
import { usePageHeading } from '../lib/use-page-heading';
import { CdsFeedbackPanel } from '../reports/cds-feedback-panel';
import { TenantAuditPanel } from '../reports/tenant-audit-panel';
import { ErrorAlert } from '../ui/error-alert';
import { DiscoveryWarnings } from './discovery-summary';
import type { Notice } from './notice';
import { RegistrationSheetPanel } from './registration-sheet-panel';
import { StatusControl } from './status-control';
import { TenantSummary } from './tenant-summary';
import { TestLaunchPanel } from './test-launch-panel';

/** One EHR: its registration, actions, registration sheet, test launch and reports. */
export function TenantPage({ id, notice: arrived }: { id: string; notice: Notice | undefined }) {
  const api = useAdminApi();
  const load = useCallback((signal: AbortSignal) => api.getTenant(id, signal), [api, id]);
  const [loaded, reload] = useLoad(load);
  const [saved, setSaved] = useState<TenantSaved>();
  const [notice, setNotice] = useState(arrived);
  const [failure, setFailure] = useState<AdminError>();
  const [busy, setBusy] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const tenant = saved?.tenant ?? (loaded.state === 'ready' ? loaded.data : undefined);
  const heading = usePageHeading(tenant?.name ?? 'EHR');

  useEffect(() => {
    if (saved) noticeRef.current?.focus();
  }, [saved]);

  const changed = (next: TenantSaved, text: string) => {
    setSaved(next);
    setNotice({ text, warnings: next.warnings });
  };
  const rediscover = async () => {
    if (!tenant) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const next = await api.updateTenant(tenant.id, { rediscover: true });
      changed(next, 'The SMART configuration was read again.');
    } catch (error) {
      setFailure(AdminError.from(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {tenant?.name ?? 'EHR'}
      </h1>
      <p>
        <a href={routeHref({ page: 'tenants' })}>Back to the EHR list</a>
      </p>
      {notice ? (
        <div ref={noticeRef} className="notice" role="status" tabIndex={-1}>
          <p>{notice.text}</p>
          {notice.warnings ? (
            <DiscoveryWarnings warnings={notice.warnings} headingLevel={2} />
          ) : null}
        </div>
      ) : null}
      {loaded.state === 'loading' && !tenant ? <p role="status">Loading the EHR…</p> : null}
      {loaded.state === 'error' ? (
        <ErrorAlert title="The EHR could not be loaded" error={loaded.error} onRetry={reload} />
      ) : null}
      {tenant ? (
        <>
          <div className="actions">
            <a className="button" href={routeHref({ page: 'edit-tenant', id: tenant.id })}>
              Edit registration
            </a>
            <StatusControl
              tenant={tenant}
              onChanged={(next) => {
                changed(
                  next,
                  next.tenant.status === 'active'
                    ? `${next.tenant.name} is enabled: its launches work again.`
                    : `${next.tenant.name} is disabled: its launches, sessions and CDS calls are refused.`,
                );
              }}
            />
            <button type="button" disabled={busy} onClick={() => void rediscover()}>
              Recheck the SMART configuration
            </button>
          </div>
          {failure ? (
            <ErrorAlert title="The SMART configuration could not be read" error={failure} />
          ) : null}
          <TenantSummary tenant={tenant} />
          <TestLaunchPanel tenant={tenant} />
          <RegistrationSheetPanel tenantId={tenant.id} />
          <CdsFeedbackPanel iss={tenant.iss} />
          <TenantAuditPanel tenantId={tenant.id} refresh={tenant.updatedAt} />
        </>
      ) : null}
    </>
  );
}
