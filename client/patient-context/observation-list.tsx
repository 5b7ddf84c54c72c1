import type { Observation } from 'fhir/r4';
import { useTranslation } from 'react-i18next';
import { useFhirFormat } from '../i18n/use-fhir-format';
import { codeableText } from './codeable-text';
import { FhirTime } from './fhir-time';
import { labFlag } from './lab-flag';
import { hasCategory } from './observation-category';
import { observationTime } from './observation-time';
import { isBloodPressure, observationValue } from './observation-value';
import { latestByCode } from './latest-by-code';
import { SummarySection } from './summary-section';

interface ObservationListProps {
  kind: 'labs' | 'vitals';
  observations: readonly Observation[];
  unavailable: boolean;
}

/** The latest result of each lab test or vital sign, with its date; labs flagged high/low. */
export function ObservationList({ kind, observations, unavailable }: ObservationListProps) {
  const { t } = useTranslation();
  const format = useFhirFormat();
  const category = kind === 'labs' ? 'laboratory' : 'vital-signs';
  const latest = latestByCode(observations.filter((entry) => hasCategory(entry, category)));
  return (
    <SummarySection
      heading={t(`${kind}.heading`)}
      count={latest.length}
      emptyText={t(`${kind}.empty`)}
      unavailable={unavailable}
    >
      {latest.map((observation, index) => {
        const name = isBloodPressure(observation)
          ? t('vitals.bloodPressure')
          : (codeableText(observation.code) ?? t('section.unnamed'));
        const flag = kind === 'labs' ? labFlag(observation) : undefined;
        const time = observationTime(observation);
        return (
          <li key={observation.id ?? index} className="item">
            <span className="item-row">
              <span className="item-name">{name}</span>
              <span className="item-value">
                {observationValue(observation, format) ?? t('section.noValue')}
                {flag === undefined ? null : (
                  <strong className={`flag flag-${flag}`}>{t(`labs.${flag}`)}</strong>
                )}
              </span>
            </span>
            {time === undefined ? null : <FhirTime className="item-meta" value={time} />}
          </li>
        );
      })}
    </SummarySection>
  );
}
