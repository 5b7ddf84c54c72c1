import type { Encounter } from 'fhir/r4';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import en from '../i18n/en.json';
import { codeableText } from './codeable-text';
import { FhirTime } from './fhir-time';

type KnownClass = keyof typeof en.encounter.class;

function isKnownClass(code: string | undefined): code is KnownClass {
  return code !== undefined && Object.hasOwn(en.encounter.class, code);
}

interface EncounterSummaryProps {
  encounter: Encounter | undefined;
  unavailable: boolean;
}

/** The encounter in context on one line: class · type · reason, then when it started. */
export function EncounterSummary({ encounter, unavailable }: EncounterSummaryProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const code = encounter?.class.code;
  const classText = isKnownClass(code)
    ? t(`encounter.class.${code}`)
    : (encounter?.class.display ?? code);
  const parts = [
    classText,
    codeableText(encounter?.type?.[0]),
    codeableText(encounter?.reasonCode?.[0]),
  ].filter((part): part is string => part !== undefined && part !== '');
  const start = encounter?.period?.start;
  return (
    <section className="summary-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {t('encounter.heading')}
      </h2>
      {unavailable ? <p className="note">{t('section.unavailable')}</p> : null}
      {encounter === undefined && !unavailable ? (
        <p className="empty">{t('encounter.none')}</p>
      ) : null}
      {encounter === undefined ? null : (
        <p className="encounter-line">
          {parts.length > 0 ? <span className="item-name">{parts.join(' · ')}</span> : null}
          {start === undefined ? null : (
            <span className="item-meta">
              {t('encounter.started')} <FhirTime value={start} />
            </span>
          )}
        </p>
      )}
    </section>
  );
}
