import { useCallback, useState } from 'react';
import type { RegistrationField } from '../../core/wire/admin';
import { useAdminApi } from '../lib/admin-api-context';
import { useLoad } from '../lib/use-load';
import { CopyButton } from '../ui/copy-button';
import { ErrorAlert } from '../ui/error-alert';

/** The logo preview, when it is served by this origin (the page's CSP allows no other). */
function LogoPreview({ url }: { url: string }) {
  const [broken, setBroken] = useState(false);
  let sameOrigin = false;
  try {
    sameOrigin = new URL(url, window.location.href).origin === window.location.origin;
  } catch {
    sameOrigin = false;
  }
  if (!sameOrigin || broken) return null;
  return (
    <img
      className="logo-preview"
      src={url}
      alt="Chartside logo"
      height={48}
      onError={() => {
        setBroken(true);
      }}
    />
  );
}

function SheetField({ field }: { field: RegistrationField }) {
  return (
    <div className="sheet-field">
      <dt>{field.label}</dt>
      <dd>
        {field.value === '' ? (
          <span className="hint">Not set yet</span>
        ) : (
          <>
            <code>{field.value}</code> <CopyButton value={field.value} label={field.label} />
          </>
        )}
        {field.id === 'logoUrl' && field.value !== '' ? <LogoPreview url={field.value} /> : null}
        {field.note !== undefined ? <p className="hint">{field.note}</p> : null}
      </dd>
    </div>
  );
}

/** Everything the EHR vendor's registration portal asks for, each value with a copy button. */
export function RegistrationSheetPanel({ tenantId }: { tenantId: string }) {
  const api = useAdminApi();
  const load = useCallback(
    (signal: AbortSignal) => api.registrationSheet(tenantId, signal),
    [api, tenantId],
  );
  const [sheet, reload] = useLoad(load);
  return (
    <section className="panel" aria-labelledby="sheet-heading">
      <h2 id="sheet-heading">Registration sheet</h2>
      {sheet.state === 'loading' ? <p role="status">Loading the registration sheet…</p> : null}
      {sheet.state === 'error' ? (
        <ErrorAlert
          title="The registration sheet could not be loaded"
          error={sheet.error}
          onRetry={reload}
        />
      ) : null}
      {sheet.state === 'ready' ? (
        <>
          <p>
            For <strong>{sheet.data.title}</strong>: paste each value into the EHR’s app
            registration.
          </p>
          <dl className="sheet">
            {sheet.data.fields.map((field) => (
              <SheetField key={field.id} field={field} />
            ))}
          </dl>
          <h3>Steps</h3>
          <ol>
            {sheet.data.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
