import { useCallback } from 'react';
import { useAdminApi } from '../lib/admin-api-context';
import { routeHref } from '../lib/admin-route';
import { useLoad } from '../lib/use-load';
import { usePageHeading } from '../lib/use-page-heading';
import { ErrorAlert } from '../ui/error-alert';
import { VENDOR_LABELS } from './tenant-draft';

/** Every registered EHR, with its status, and the way to add one. */
export function TenantListPage() {
  const api = useAdminApi();
  const heading = usePageHeading('EHRs');
  const load = useCallback((signal: AbortSignal) => api.listTenants(signal), [api]);
  const [tenants, reload] = useLoad(load);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        EHRs
      </h1>
      <p>
        <a className="button" href={routeHref({ page: 'add-tenant' })}>
          Add an EHR
        </a>
      </p>
      {tenants.state === 'loading' ? <p role="status">Loading the EHRs…</p> : null}
      {tenants.state === 'error' ? (
        <ErrorAlert title="The EHRs could not be loaded" error={tenants.error} onRetry={reload} />
      ) : null}
      {tenants.state === 'ready' && tenants.data.length === 0 ? (
        <p>No EHR is registered yet.</p>
      ) : null}
      {tenants.state === 'ready' && tenants.data.length > 0 ? (
        <table>
          <caption>Registered EHRs</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Vendor</th>
              <th scope="col">FHIR base (iss)</th>
              <th scope="col">Environment</th>
              <th scope="col">Status</th>
              <th scope="col">Discovery</th>
            </tr>
          </thead>
          <tbody>
            {tenants.data.map((tenant) => (
              <tr key={tenant.id}>
                <th scope="row">
                  <a href={routeHref({ page: 'tenant', id: tenant.id })}>{tenant.name}</a>
                </th>
                <td>{VENDOR_LABELS[tenant.vendor]}</td>
                <td>{tenant.iss}</td>
                <td>{tenant.environment === 'production' ? 'Production' : 'Non-production'}</td>
                <td>{tenant.status === 'active' ? 'Active' : 'Disabled'}</td>
                <td>{discoveryCell(tenant.warnings.length, tenant.discovery !== undefined)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

/** What the stored smart-configuration warns about; the tenant page lists the warnings. */
function discoveryCell(warnings: number, checked: boolean): string {
  if (!checked) return 'Not checked yet';
  if (warnings === 0) return 'No warnings';
  return warnings === 1 ? '1 warning' : `${String(warnings)} warnings`;
}
