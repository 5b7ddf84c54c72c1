import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartsideError } from './chartside-error';

interface ErrorViewProps {
  error: ChartsideError;
  /** Offered only where trying again can help (FHIR_UNAVAILABLE: network or server trouble). */
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
      {error.code === 'FHIR_UNAVAILABLE' ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      ) : null}
    </div>
  );
}
