import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import type { SmartInspection } from '../../core/wire/admin';
import { useAdminApi } from '../lib/admin-api-context';
import { AdminError, fieldOf } from '../lib/admin-error';
import { routeHref, type AdminRoute } from '../lib/admin-route';
import { usePageHeading } from '../lib/use-page-heading';
import { ErrorAlert } from '../ui/error-alert';
import type { Notice } from './notice';
import { DiscoveryDetails, DiscoveryWarnings } from './discovery-summary';
import { newTenantDraft, registrationOf, type TenantDraft } from './tenant-draft';
import { TenantFields } from './tenant-fields';

type Failure = { step: 'check' | 'save'; error: AdminError };

/**
 * Adding an EHR: its FHIR base first, checked against its SMART configuration (what was found,
 * what is missing), then the registration saved with what the EHR issued.
 */
export function AddTenantPage({ go }: { go: (route: AdminRoute, notice?: Notice) => void }) {
  const api = useAdminApi();
  const heading = usePageHeading('Add an EHR');
  const [iss, setIss] = useState('');
  const [inspection, setInspection] = useState<SmartInspection>();
  const [draft, setDraft] = useState<TenantDraft>();
  const [failure, setFailure] = useState<Failure>();
  const [busy, setBusy] = useState(false);
  const foundHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const errorId = useId();

  useEffect(() => {
    if (inspection) foundHeading.current?.focus();
  }, [inspection]);
  useEffect(() => {
    if (failure) errorRef.current?.focus();
  }, [failure]);

  const check = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const found = await api.inspect(iss.trim());
      setInspection(found);
      setDraft((current) => current ?? newTenantDraft(found.iss));
    } catch (error) {
      setFailure({ step: 'check', error: AdminError.from(error) });
    } finally {
      setBusy(false);
    }
  };

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!inspection || !draft) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const saved = await api.createTenant({ iss: inspection.iss, ...registrationOf(draft) });
      go(
        { page: 'tenant', id: saved.tenant.id },
        { text: `${saved.tenant.name} was added.`, warnings: saved.warnings },
      );
    } catch (error) {
      setFailure({ step: 'save', error: AdminError.from(error) });
      setBusy(false);
    }
  };

  const invalid = new Set(failure?.error.fields.map(fieldOf));
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Add an EHR
      </h1>
      <p>
        <a href={routeHref({ page: 'tenants' })}>Back to the EHR list</a>
      </p>
      <form className="panel" onSubmit={(e) => void check(e)} aria-label="FHIR base">
        <div className="field">
          <label htmlFor="tenant-iss">FHIR base URL</label>
          <input
            id="tenant-iss"
            type="url"
            required
            value={iss}
            aria-describedby={invalid.has('iss') ? `tenant-iss-hint ${errorId}` : 'tenant-iss-hint'}
            aria-invalid={invalid.has('iss') || undefined}
            onChange={(e) => {
              setIss(e.target.value);
              setInspection(undefined);
            }}
          />
          <p id="tenant-iss-hint" className="hint">
            Exactly the <code>iss</code> the EHR sends at launch, e.g.
            https://fhir.example.org/api/FHIR/R4.
          </p>
        </div>
        <button type="submit" disabled={busy}>
          Check
        </button>
      </form>
      {failure ? (
        <div id={errorId}>
          <ErrorAlert
            ref={errorRef}
            title={
              failure.step === 'check' ? 'The EHR could not be checked' : 'The EHR was not added'
            }
            error={failure.error}
          />
        </div>
      ) : null}
      {inspection && draft ? (
        <>
          <section className="panel" aria-labelledby="found-heading">
            <h2 id="found-heading" ref={foundHeading} tabIndex={-1}>
              What the EHR’s SMART configuration says
            </h2>
            <DiscoveryDetails discovery={inspection.discovery} />
            <DiscoveryWarnings warnings={inspection.warnings} />
          </section>
          <form className="panel" onSubmit={(e) => void save(e)} aria-labelledby="register-heading">
            <h2 id="register-heading">Registration</h2>
            <TenantFields draft={draft} onChange={setDraft} invalid={invalid} errorId={errorId} />
            <button type="submit" disabled={busy}>
              Save EHR
            </button>
          </form>
        </>
      ) : null}
    </>
  );
}
