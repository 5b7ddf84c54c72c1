import type { AuditEntry } from '../../core/wire/admin';

const ACTIONS: Record<AuditEntry['action'], string> = {
  'tenant.created': 'Added',
  'tenant.updated': 'Edited',
  'tenant.disabled': 'Disabled',
  'tenant.enabled': 'Enabled',
  'report.exported': 'Exported a report',
};

const shown = (value: unknown): string =>
  value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);

/** Who changed which registration, when, and each field's value before and after. */
export function AuditTable({ entries, caption }: { entries: AuditEntry[]; caption: string }) {
  if (entries.length === 0) return <p>No changes recorded yet.</p>;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">EHR</th>
          <th scope="col">Changes</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>{new Date(entry.at).toLocaleString()}</td>
            <td>{entry.actor}</td>
            <td>{ACTIONS[entry.action]}</td>
            <td>{entry.iss === '' ? 'All EHRs' : entry.iss}</td>
            <td>
              <ul className="changes">
                {Object.entries(entry.changes).map(([field, change]) => (
                  <li key={field}>
                    {field}: {shown(change.from)} → {shown(change.to)}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
