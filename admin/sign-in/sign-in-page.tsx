import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { createAdminApi } from '../lib/admin-api';
import type { AdminCredentials } from '../lib/admin-credentials';
import { AdminError } from '../lib/admin-error';
import { usePageHeading } from '../lib/use-page-heading';
import { ErrorAlert } from '../ui/error-alert';

/** Sign-in with the server's ADMIN_TOKEN, tried against the API before it is kept. */
export function SignInPage({
  onSignedIn,
}: {
  onSignedIn: (credentials: AdminCredentials) => void;
}) {
  const heading = usePageHeading('Sign in');
  const [token, setToken] = useState('');
  const [actor, setActor] = useState('');
  const [error, setError] = useState<AdminError>();
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const credentials: AdminCredentials = {
      token: token.trim(),
      ...(actor.trim() && { actor: actor.trim() }),
    };
    setBusy(true);
    setError(undefined);
    try {
      await createAdminApi(credentials).listTenants();
      onSignedIn(credentials);
    } catch (failure) {
      setError(AdminError.from(failure));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <h1 ref={heading} tabIndex={-1}>
        Chartside admin
      </h1>
      <p>Register and manage the EHRs that launch Chartside.</p>
      {error ? <ErrorAlert ref={errorRef} title="You are not signed in" error={error} /> : null}
      <form className="panel" onSubmit={(e) => void submit(e)} aria-label="Sign in">
        <div className="field">
          <label htmlFor="admin-token">Admin token</label>
          <input
            id="admin-token"
            type="password"
            required
            autoComplete="off"
            value={token}
            aria-describedby="admin-token-hint"
            onChange={(e) => setToken(e.target.value)}
          />
          <p id="admin-token-hint" className="hint">
            The server’s ADMIN_TOKEN (<code>npm start</code> prints one). It is kept in this tab
            only, until you sign out or close the tab.
          </p>
        </div>
        <div className="field">
          <label htmlFor="admin-actor">Your name (optional)</label>
          <input
            id="admin-actor"
            autoComplete="name"
            maxLength={100}
            // What an HTTP header can carry and the server's audit log accepts.
            pattern="[A-Za-z0-9À-ÖØ-öø-ÿ .@_'\-]+"
            value={actor}
            aria-describedby="admin-actor-hint"
            onChange={(e) => setActor(e.target.value)}
          />
          <p id="admin-actor-hint" className="hint">
            Recorded in the audit log with each change you make. Letters, digits, spaces and . @ _ '
            - only.
          </p>
        </div>
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
