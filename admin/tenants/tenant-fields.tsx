import { useRef } from 'react';
import { TENANT_ENVIRONMENTS } from '../../core/tenant';
import { newCdsClient, VENDOR_LABELS, VENDORS, type TenantDraft } from './tenant-draft';

interface TenantFieldsProps {
  draft: TenantDraft;
  onChange: (draft: TenantDraft) => void;
  /** Fields the server named as wrong (OperationOutcome expression), marked invalid. */
  invalid: ReadonlySet<string>;
  /** The id of the error that explains them. */
  errorId: string | undefined;
}

/** The editable fields of an EHR registration, for adding and editing alike. */
export function TenantFields({ draft, onChange, invalid, errorId }: TenantFieldsProps) {
  const addClient = useRef<HTMLButtonElement>(null);
  const set = <K extends keyof TenantDraft>(key: K, value: TenantDraft[K]) => {
    onChange({ ...draft, [key]: value });
  };
  const marks = (field: string, hint?: string) => {
    const described = [hint, invalid.has(field) ? errorId : undefined].filter(Boolean).join(' ');
    return {
      'aria-invalid': invalid.has(field) || undefined,
      ...(described && { 'aria-describedby': described }),
    };
  };
  const setClient = (index: number, field: 'iss' | 'jku', value: string) => {
    set(
      'cdsClients',
      draft.cdsClients.map((client, i) => (i === index ? { ...client, [field]: value } : client)),
    );
  };
  return (
    <>
      <div className="field">
        <label htmlFor="tenant-name">Name</label>
        <input
          id="tenant-name"
          required
          maxLength={200}
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
          {...marks('name')}
        />
      </div>
      <div className="field">
        <label htmlFor="tenant-vendor">Vendor</label>
        <select
          id="tenant-vendor"
          value={draft.vendor}
          onChange={(e) => set('vendor', e.target.value as TenantDraft['vendor'])}
          {...marks('vendor')}
        >
          {VENDORS.map((vendor) => (
            <option key={vendor} value={vendor}>
              {VENDOR_LABELS[vendor]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="tenant-environment">Environment</label>
        <select
          id="tenant-environment"
          value={draft.environment}
          onChange={(e) => set('environment', e.target.value as TenantDraft['environment'])}
          {...marks('environment')}
        >
          {TENANT_ENVIRONMENTS.map((environment) => (
            <option key={environment} value={environment}>
              {environment === 'production' ? 'Production' : 'Non-production'}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="tenant-client-id">Client id</label>
        <input
          id="tenant-client-id"
          value={draft.clientId}
          autoComplete="off"
          onChange={(e) => set('clientId', e.target.value)}
          {...marks('clientId', 'tenant-client-id-hint')}
        />
        <p id="tenant-client-id-hint" className="hint">
          The client id the EHR issued for this FHIR base. May be left empty when the id for the
          chosen environment is given below.
        </p>
      </div>
      <fieldset>
        <legend>Client ids per environment (optional)</legend>
        <div className="field">
          <label htmlFor="tenant-client-id-production">Production client id</label>
          <input
            id="tenant-client-id-production"
            autoComplete="off"
            value={draft.productionClientId}
            onChange={(e) => set('productionClientId', e.target.value)}
            {...marks('clientIds')}
          />
        </div>
        <div className="field">
          <label htmlFor="tenant-client-id-non-production">Non-production client id</label>
          <input
            id="tenant-client-id-non-production"
            autoComplete="off"
            value={draft.nonProductionClientId}
            onChange={(e) => set('nonProductionClientId', e.target.value)}
            {...marks('clientIds')}
          />
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="tenant-scope">Scope</label>
        <textarea
          id="tenant-scope"
          rows={3}
          value={draft.scope}
          onChange={(e) => set('scope', e.target.value)}
          {...marks('scope', 'tenant-scope-hint')}
        />
        <p id="tenant-scope-hint" className="hint">
          Prefilled with Chartside’s least-privilege default (read and search of what a case needs).
          Use SMART v1 syntax (patient/Observation.read) if the EHR registration is v1.
        </p>
      </div>
      <div className="field">
        <label htmlFor="tenant-frame-origins">Frame origins</label>
        <textarea
          id="tenant-frame-origins"
          rows={2}
          value={draft.frameOrigins}
          onChange={(e) => set('frameOrigins', e.target.value)}
          {...marks('frameOrigins', 'tenant-frame-origins-hint')}
        />
        <p id="tenant-frame-origins-hint" className="hint">
          The origins (https://host[:port]) of the EHR pages that show Chartside in a frame, one per
          line. Only these may embed the app.
        </p>
      </div>
      <fieldset>
        <legend>Backend Services (optional)</legend>
        <p id="tenant-backend-hint" className="hint">
          For the outcomes job, which reads the EHR’s population data with SMART Backend Services:
          the client id the EHR issued for Chartside’s key (JWKS URL: this server’s
          /.well-known/jwks.json) and the algorithm registered with it. Without it, no outcomes are
          computed for this EHR.
        </p>
        <div className="field">
          <label htmlFor="tenant-backend-client-id">Backend Services client id</label>
          <input
            id="tenant-backend-client-id"
            autoComplete="off"
            maxLength={200}
            value={draft.backendClientId}
            onChange={(e) => set('backendClientId', e.target.value)}
            {...marks('backendServices', 'tenant-backend-hint')}
          />
        </div>
        <div className="field">
          <label htmlFor="tenant-backend-algorithm">Backend Services signing algorithm</label>
          <select
            id="tenant-backend-algorithm"
            value={draft.backendAlgorithm}
            onChange={(e) =>
              set('backendAlgorithm', e.target.value as TenantDraft['backendAlgorithm'])
            }
            {...marks('backendServices')}
          >
            <option value="ES384">ES384 (ECDSA P-384)</option>
            <option value="RS384">RS384 (RSA)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="tenant-backend-file-origins">Export file hosts</label>
          <textarea
            id="tenant-backend-file-origins"
            rows={2}
            value={draft.backendFileOrigins}
            onChange={(e) => set('backendFileOrigins', e.target.value)}
            {...marks('backendServices', 'tenant-backend-file-origins-hint')}
          />
          <p id="tenant-backend-file-origins-hint" className="hint">
            Only if the EHR’s bulk exports put their files on another host, such as pre-signed cloud
            storage links: that host’s https origin, one per line. Chartside fetches those files
            without its access token and refuses files on any other host.
          </p>
        </div>
      </fieldset>
      <fieldset>
        <legend>CDS clients</legend>
        <p className="hint">
          The EHR’s CDS Hooks client: the issuer of its signed requests and the JWKS URL of its
          keys. Without one, Chartside answers the EHR’s CDS calls with 401.
        </p>
        {draft.cdsClients.map((client, index) => (
          <div key={client.key} className="cds-client">
            <div className="field">
              <label htmlFor={`${client.key}-iss`}>CDS client {index + 1} issuer</label>
              <input
                id={`${client.key}-iss`}
                value={client.iss}
                onChange={(e) => setClient(index, 'iss', e.target.value)}
                {...marks('cdsClients')}
              />
            </div>
            <div className="field">
              <label htmlFor={`${client.key}-jku`}>CDS client {index + 1} JWKS URL</label>
              <input
                id={`${client.key}-jku`}
                type="url"
                value={client.jku}
                onChange={(e) => setClient(index, 'jku', e.target.value)}
                {...marks('cdsClients')}
              />
            </div>
            <button
              type="button"
              onClick={() => {
                set('cdsClients', draft.cdsClients.toSpliced(index, 1));
                // The button goes away with its client: keep the keyboard user in the list.
                addClient.current?.focus();
              }}
            >
              Remove CDS client {index + 1}
            </button>
          </div>
        ))}
        <button
          ref={addClient}
          type="button"
          onClick={() => set('cdsClients', [...draft.cdsClients, newCdsClient()])}
        >
          Add a CDS client
        </button>
      </fieldset>
    </>
  );
}
