import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RETRYABLE_ERROR_CODES, type ChartsideError } from './chartside-error';

interface ErrorViewProps {
  error: ChartsideError;
  /** Offered only where trying again can help (network or server trouble). */
  onRetry: () => void;
}

/** What happened and what the clinician can do about it, in their language. */
export function ErrorView({ error, onRetry }: ErrorViewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <div className="error-view" role="alert" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {t(`errors.${error.code}.title`)}
      </h2>
      <p>{t(`errors.${error.code}.action`)}</p>
      {error.code === 'LIBRARY_INVALID' ? (
        // The message names the offending field for support; it never carries patient data.
        <p className="error-detail">{t('errors.detail', { detail: error.message })}</p>
      ) : null}
      {RETRYABLE_ERROR_CODES.has(error.code) ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      ) : null}
    </div>
  );
}
