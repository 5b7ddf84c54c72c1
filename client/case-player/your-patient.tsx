import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../core/matcher/evidence';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { useFhirFormat } from '../i18n/use-fhir-format';
import { useLocalize } from '../i18n/use-localize';
import { FhirTime } from '../patient-context/fhir-time';

interface YourPatientProps {
  slots: MicroCase['stem']['slots'];
  /** The evidence of this patient's match; the section is shown only when it has some. */
  evidence: readonly Evidence[];
}

/** The launched patient's own values for the stem's slots, beside the teaching case. */
export function YourPatient({ slots, evidence }: YourPatientProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const format = useFhirFormat();
  const headingId = useId();
  const rows = slots.flatMap((slot) => {
    const found = evidence.find((entry) => entry.criterionId === slot.criterion);
    return found === undefined ? [] : [{ label: localize(slot.label), evidence: found }];
  });
  if (rows.length === 0) return null;
  return (
    <section className="your-patient" aria-labelledby={headingId}>
      <h3 id={headingId} className="subheading">
        {t('player.yourPatient')}
      </h3>
      <dl className="patient-values">
        {rows.map(({ label, evidence: fact }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              {fact.value === undefined
                ? localize(fact.reason)
                : `${format.number(fact.value)}${fact.unit === undefined ? '' : ` ${fact.unit}`}`}
              {fact.date === undefined ? null : (
                <>
                  {' · '}
                  <FhirTime value={fact.date} />
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
