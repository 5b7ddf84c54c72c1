import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const POINTS = [
  'association',
  'otherChanges',
  'smallNumbers',
  'simplified',
  'patientData',
] as const;

/**
 * What the numbers can and cannot say (issue 8: "association, not cause"), always on screen
 * whatever the data: a rate that moved after a course invites a causal reading it cannot bear.
 */
export function OutcomesStatement() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="outcomes-statement note" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('outcomes.statement.heading')}</h3>
      <ul>
        {POINTS.map((point) => (
          <li key={point}>{t(`outcomes.statement.${point}`)}</li>
        ))}
      </ul>
    </section>
  );
}
