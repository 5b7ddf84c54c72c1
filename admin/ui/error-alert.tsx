import { useId, type Ref } from 'react';
import type { AdminError } from '../lib/admin-error';

interface ErrorAlertProps {
  /** What failed, e.g. "The tenant was not saved". */
  title: string;
  error: AdminError;
  onRetry?: () => void;
  ref?: Ref<HTMLDivElement>;
}

/** The server's own message and what to do about it, announced as it appears. */
export function ErrorAlert({ title, error, onRetry, ref }: ErrorAlertProps) {
  const headingId = useId();
  return (
    <div ref={ref} className="error-alert" role="alert" aria-labelledby={headingId} tabIndex={-1}>
      <h2 id={headingId}>{title}</h2>
      <p>{error.message}</p>
      <p>
        <strong>What to do:</strong> {error.advice}
      </p>
      <p className="error-code">Error code: {error.code}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
