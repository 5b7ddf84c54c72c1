import { useCallback, useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import type { AdminTenant } from '../../core/wire/admin';
import { useAdminApi } from '../lib/admin-api-context';
import { AdminError, fieldOf } from '../lib/admin-error';
import { routeHref, type AdminRoute } from '../lib/admin-route';
import { useLoad } from '../lib/use-load';
import { usePageHeading } from '../lib/use-page-heading';
import { ErrorAlert } from '../ui/error-alert';
import type { Notice } from './notice';
import { draftFromTenant, updateOf, type TenantDraft } from './tenant-draft';
import { TenantFields } from './tenant-fields';

type Go = (route: AdminRoute, notice?: Notice) => void;

function EditForm({ tenant, go }: { tenant: AdminTenant; go: Go }) {
  const api = useAdminApi();
  const [draft, setDraft] = useState<TenantDraft>(() => draftFromTenant(tenant));
  const [rediscover, setRediscover] = useState(false);
  const [error, setError] = useState<AdminError>();
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const errorId = useId();

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.updateTenant(tenant.id, {
        ...updateOf(draft),
        ...(rediscover && { rediscover: true }),
      });
      go(
        { page: 'tenant', id: tenant.id },
        { text: `${saved.tenant.name} was saved.`, warnings: saved.warnings },
      );
    } catch (failure) {
      setError(AdminError.from(failure));
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={(e) => void save(e)} aria-label="Registration">
      <p>
        FHIR base: <code>{tenant.iss}</code>. It cannot change: register a new FHIR base as an EHR
        of its own.
      </p>
      {error ? (
        <div id={errorId}>
          <ErrorAlert ref={errorRef} title="The changes were not saved" error={error} />
        </div>
      ) : null}
      <TenantFields
        draft={draft}
        onChange={setDraft}
        invalid={new Set(error?.fields.map(fieldOf))}
        errorId={errorId}
      />
      <div className="field checkbox">
        <input
          id="tenant-rediscover"
          type="checkbox"
          checked={rediscover}
          onChange={(e) => setRediscover(e.target.checked)}
        />
        <label htmlFor="tenant-rediscover">Read the EHR’s SMART configuration again</label>
      </div>
      <button type="submit" disabled={busy}>
        Save changes
      </button>{' '}
      <a href={routeHref({ page: 'tenant', id: tenant.id })}>Cancel</a>
    </form>
  );
}

/** Editing an EHR registration; its FHIR base stays. */
export function EditTenantPage({ id, go }: { id: string; go: Go }) {
  const api = useAdminApi();
  const load = useCallback((signal: AbortSignal) => api.getTenant(id, signal), [api, id]);
  const [loaded, reload] = useLoad(load);
  const name = loaded.state === 'ready' ? loaded.data.name : 'EHR';
  const heading = usePageHeading(`Edit ${name}`);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Edit {name}
      </h1>
      {loaded.state === 'loading' ? <p role="status">Loading the EHR…</p> : null}
      {loaded.state === 'error' ? (
        <ErrorAlert title="The EHR could not be loaded" error={loaded.error} onRetry={reload} />
      ) : null}
      {loaded.state === 'ready' ? <EditForm tenant={loaded.data} go={go} /> : null}
    </>
  );
}
