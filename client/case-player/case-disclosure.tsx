import { useTranslation } from 'react-i18next';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { useLocalize } from '../i18n/use-localize';
import { FhirTime } from '../patient-context/fhir-time';

type Person = MicroCase['disclosure']['authors'][number];

function People({ people }: { people: readonly Person[] }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list">
      {people.map((person) => (
        <li key={`${person.name}-${person.role}`}>
          {person.name}, {person.role}.{' '}
          {t('disclosure.relationships', { relationships: person.financialRelationships })}
        </li>
      ))}
    </ul>
  );
}

/**
 * What the learner is told before learning starts (ACCME Standards for Integrity and
 * Independence 2022, Standards 3–5): authors, reviewers and their financial relationships,
 * mitigation, commercial support, AI assistance, and the content-validity review dates.
 */
export function CaseDisclosure({ disclosure }: { disclosure: MicroCase['disclosure'] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const reviewed = disclosure.reviewers.length > 0;
  return (
    <div className="disclosure">
      {reviewed ? null : <p className="note">{t('disclosure.notReviewedNote')}</p>}
      <details>
        <summary>{t('disclosure.summary')}</summary>
        <dl className="disclosure-facts">
          <dt>{t('disclosure.authors')}</dt>
          <dd>
            <People people={disclosure.authors} />
          </dd>
          <dt>{t('disclosure.reviewers')}</dt>
          <dd>
            {reviewed ? <People people={disclosure.reviewers} /> : t('disclosure.notReviewed')}
          </dd>
          <dt>{t('disclosure.mitigation')}</dt>
          <dd>{localize(disclosure.mitigation)}</dd>
          <dt>{t('disclosure.commercialSupport')}</dt>
          <dd>{t('disclosure.noCommercialSupport')}</dd>
          <dt>{t('disclosure.aiAssistance')}</dt>
          <dd>{localize(disclosure.aiAssistance)}</dd>
          <dt>{t('disclosure.contentValidity')}</dt>
          <dd>
            <FhirTime value={disclosure.contentValidityReviewed} />
          </dd>
          <dt>{t('disclosure.nextReview')}</dt>
          <dd>
            <FhirTime value={disclosure.nextReviewDue} />
          </dd>
        </dl>
      </details>
    </div>
  );
}
