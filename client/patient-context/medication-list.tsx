import type { MedicationRequest } from 'fhir/r4';
import { useTranslation } from 'react-i18next';
import { codeableText } from './codeable-text';
import { SummarySection } from './summary-section';

interface MedicationListProps {
  medications: readonly MedicationRequest[];
  unavailable: boolean;
}

/** Active medication requests: the medication and its dosage instruction as written. */
export function MedicationList({ medications, unavailable }: MedicationListProps) {
  const { t } = useTranslation();
  return (
    <SummarySection
      heading={t('medications.heading')}
      count={medications.length}
      emptyText={t('medications.empty')}
      unavailable={unavailable}
    >
      {medications.map((request, index) => {
        const name =
          codeableText(request.medicationCodeableConcept) ?? request.medicationReference?.display;
        const dosage = request.dosageInstruction?.[0]?.text;
        return (
          <li key={request.id ?? index} className="item">
            <span className="item-name">{name ?? t('section.unnamed')}</span>
            {dosage === undefined ? null : <span className="item-meta">{dosage}</span>}
          </li>
        );
      })}
    </SummarySection>
  );
}
