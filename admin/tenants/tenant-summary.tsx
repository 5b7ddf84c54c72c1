import type { AdminTenant } from '../../core/wire/admin';
import { DiscoveryDetails } from './discovery-summary';
import { VENDOR_LABELS } from './tenant-draft';

const listed = (values: string[]) => (values.length > 0 ? values.join(', ') : 'none');

/** An EHR registration as stored, and what its discovery said when last read. */
export function TenantSummary({ tenant }: { tenant: AdminTenant }) {
  const rows: [string, string][] = [
    ['Status', tenant.status === 'active' ? 'Active' : 'Disabled'],
    ['FHIR base (iss)', tenant.iss],
    ['Vendor', VENDOR_LABELS[tenant.vendor]],
    ['Environment', tenant.environment === 'production' ? 'Production' : 'Non-production'],
    ['Client id', tenant.clientId],
    ['Production client id', tenant.clientIds?.production ?? 'not set'],
    ['Non-production client id', tenant.clientIds?.['non-production'] ?? 'not set'],
    ['Scope', tenant.scope],
    ['Frame origins', listed(tenant.frameOrigins)],
    [
      'CDS clients',
      listed(tenant.cdsClients.map((c) => (c.jku === undefined ? c.iss : `${c.iss} (${c.jku})`))),
    ],
    ['Last changed', new Date(tenant.updatedAt).toLocaleString()],
  ];
  return (
    <section className="panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Registration</h2>
      <dl className="details">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>SMART configuration</h3>
      {tenant.discovery ? (
        <DiscoveryDetails discovery={tenant.discovery} />
      ) : (
        <p>Not read yet: use “Recheck the SMART configuration”.</p>
      )}
    </section>
  );
}
