import { useEffect, useRef, useState } from 'react';
import type { AdminTenant, TenantSaved } from '../../core/wire/admin';
import { useAdminApi } from '../lib/admin-api-context';
import { AdminError } from '../lib/admin-error';
import { ErrorAlert } from '../ui/error-alert';

interface StatusControlProps {
  tenant: AdminTenant;
  onChanged: (saved: TenantSaved) => void;
}

/** Disable or enable an EHR, after an explicit confirmation that says what it does. */
export function StatusControl({ tenant, onChanged }: StatusControlProps) {
  const api = useAdminApi();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AdminError>();
  const question = useRef<HTMLParagraphElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const active = tenant.status === 'active';
  const action = active ? 'disable' : 'enable';

  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (returnFocus.current) toggle.current?.focus();
  }, [confirming]);

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await api.setStatus(tenant.id, action));
      setConfirming(false);
    } catch (failure) {
      setError(AdminError.from(failure));
    } finally {
      setBusy(false);
    }
  };

  if (!confirming) {
    return (
      <button
        ref={toggle}
        type="button"
        onClick={() => {
          setConfirming(true);
        }}
      >
        {active ? 'Disable this EHR' : 'Enable this EHR'}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby="confirm-question">
      <p id="confirm-question" ref={question} tabIndex={-1}>
        {active
          ? `Disable ${tenant.name}? Its launches, sessions and CDS calls are refused at once, until it is enabled again.`
          : `Enable ${tenant.name}? Its clinicians can launch Chartside again at once.`}
      </p>
      <button type="button" disabled={busy} onClick={() => void confirm()}>
        {active ? 'Yes, disable' : 'Yes, enable'}
      </button>
      <button
        type="button"
        onClick={() => {
          returnFocus.current = true;
          setConfirming(false);
          setError(undefined);
        }}
      >
        Cancel
      </button>
      {error ? (
        <ErrorAlert
          title={active ? 'The EHR was not disabled' : 'The EHR was not enabled'}
          error={error}
        />
      ) : null}
    </div>
  );
}
