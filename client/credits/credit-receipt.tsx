import { useTranslation } from 'react-i18next';
import type { Credit } from '../../core/wire/completion';
import { useFhirFormat } from '../i18n/use-fhir-format';

/** The short receipt line: which ledger entry holds this credit, and when it was recorded. */
export function CreditReceipt({ credit }: { credit: Credit }) {
  const { t } = useTranslation();
  const format = useFhirFormat();
  return (
    <p className="receipt">
      {t('credit.receipt', { id: credit.id, time: format.dateTime(credit.recordedAt) })}
    </p>
  );
}
