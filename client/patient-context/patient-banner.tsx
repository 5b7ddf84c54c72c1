import type { Patient } from 'fhir/r4';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFhirFormat } from '../i18n/use-fhir-format';
import { FhirTime } from './fhir-time';
import { medicalRecordNumber, patientName } from './patient-details';

interface PatientBannerProps {
  patient: Patient;
  /** The Patient read was refused: only the id from the launch is known. */
  unavailable: boolean;
}

/**
 * Chartside's own patient banner, shown when the EHR's token response does not say
 * `need_patient_banner: false` (SMART App Launch 2.2 §2.0.7).
 */
export function PatientBanner({ patient, unavailable }: PatientBannerProps) {
  const { t } = useTranslation();
  const format = useFhirFormat();
  const headingId = useId();
  const notRecorded = t('banner.notRecorded');
  const mrn = medicalRecordNumber(patient);
  const { gender, birthDate } = patient;
  return (
    <section className="patient-banner" aria-labelledby={headingId}>
      <h2 id={headingId} className="patient-name">
        {patientName(patient) ?? t('banner.unknownName')}
      </h2>
      {unavailable ? (
        <p className="note">{t('section.unavailable')}</p>
      ) : (
        <dl className="banner-facts">
          <div>
            <dt>{t('banner.sex')}</dt>
            <dd>{gender === undefined ? notRecorded : t(`gender.${gender}`)}</dd>
          </div>
          <div>
            <dt>{t('banner.age')}</dt>
            <dd>{(birthDate === undefined ? undefined : format.age(birthDate)) ?? notRecorded}</dd>
          </div>
          <div>
            <dt>{t('banner.born')}</dt>
            <dd>{birthDate === undefined ? notRecorded : <FhirTime value={birthDate} />}</dd>
          </div>
          {mrn === undefined ? null : (
            <div>
              <dt>{t('banner.mrn')}</dt>
              <dd>{mrn}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
