import { useEffect, useRef, useState } from 'react';
import type { AdminTenant, TestLaunch } from '../../core/wire/admin';
import { useAdminApi } from '../lib/admin-api-context';
import { AdminError } from '../lib/admin-error';
import { ErrorAlert } from '../ui/error-alert';

/**
 * A test launch: the server's own checks (registration, discovery, keys, scopes, client id),
 * and a standalone launch against the EHR in a new tab for a person to finish.
 */
export function TestLaunchPanel({ tenant }: { tenant: AdminTenant }) {
  const api = useAdminApi();
  const [result, setResult] = useState<TestLaunch>();
  const [error, setError] = useState<AdminError>();
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const launchUrl = result?.launchUrl ?? `/launch?iss=${encodeURIComponent(tenant.iss)}`;

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api.testLaunch(tenant.id));
    } catch (failure) {
      setError(AdminError.from(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="test-launch-heading">
      <h2 id="test-launch-heading">Test launch</h2>
      <p>
        <a href={launchUrl} target="_blank" rel="noopener noreferrer">
          Open a test launch in a new tab
        </a>{' '}
        (a standalone launch against this EHR: sign in there and pick a patient).
      </p>
      <button type="button" disabled={busy} onClick={() => void run()}>
        Run launch checks
      </button>
      {error ? <ErrorAlert title="The checks could not run" error={error} /> : null}
      {result ? (
        <div className="checks">
          <h3 ref={resultRef} tabIndex={-1}>
            {result.ok ? 'Every check passed' : 'Some checks failed'}
          </h3>
          <ul>
            {result.checks.map((check) => (
              <li key={check.id} className={check.ok ? 'ok' : 'failed'}>
                <strong>
                  {check.ok ? 'Passed' : 'Failed'}: {check.label}.
                </strong>{' '}
                {check.detail}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
