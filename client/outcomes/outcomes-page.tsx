import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearnerOutcomesResponse } from '../../core/wire/outcomes';
import type { CreditAccess } from '../credits/credit-access';
import { ErrorView } from '../errors/error-view';
import { useFocusOnMount } from '../lib/use-focus-on-mount';
import { MeasureOutcomes } from './measure-outcomes';
import { OutcomesStatement } from './outcomes-statement';
import { useOutcomeFormat } from './use-outcome-format';
import { useOutcomes } from './use-outcomes';
import './outcomes.css';

interface OutcomesPageProps {
  access: CreditAccess;
  onBack: () => void;
}

/** When and from what the numbers were computed, the windows, then one section per measure. */
function OutcomesBody({ outcomes }: { outcomes: LearnerOutcomesResponse }) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  const { computedAt, population, windows } = outcomes;
  if (computedAt === null) return <p className="empty">{t('outcomes.notComputed')}</p>;
  return (
    <>
      <p className="item-meta">
        {population === null
          ? t('outcomes.computedAt', { date: format.dateTime(computedAt) })
          : t('outcomes.computedFrom', {
              date: format.dateTime(computedAt),
              patients: population.patients,
              source: t(`outcomes.source.${population.source}`),
            })}{' '}
        {t('outcomes.windows', { before: windows.beforeDays, after: windows.afterDays })}
      </p>
      <p className="item-meta">{t('outcomes.suppressedLegend')}</p>
      {outcomes.comparisons.length === 0 ? (
        <p className="empty">{t('outcomes.noLinkedCredits')}</p>
      ) : (
        outcomes.measures.map((measure) => (
          <MeasureOutcomes
            key={measure.id}
            measure={measure}
            comparisons={outcomes.comparisons.filter((c) => c.measureId === measure.id)}
            afterDays={windows.afterDays}
          />
        ))
      )}
    </>
  );
}

/**
 * "Your learning and your measures" (issue 8): the learner's credited cases beside their
 * quality-measure rates before and after, and what those numbers can and cannot say.
 * Loaded lazily from app.tsx, so the chart library stays out of the main bundle.
 */
export function OutcomesPage({ access, onBack }: OutcomesPageProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>(true);
  const { state, retry } = useOutcomes(access);
  return (
    <section className="outcomes-page" aria-labelledby={headingId}>
      <button type="button" className="button button-secondary" onClick={onBack}>
        {t('outcomes.back')}
      </button>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="section-heading">
        {t('outcomes.heading')}
      </h2>
      <p>{t('outcomes.intro')}</p>
      <OutcomesStatement />
      {state.status === 'loading' ? (
        <p className="loading" role="status">
          {t('outcomes.loading')}
        </p>
      ) : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? <OutcomesBody outcomes={state.value} /> : null}
    </section>
  );
}

export default OutcomesPage;
