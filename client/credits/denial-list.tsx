import { useTranslation } from 'react-i18next';
import { CREDIT_DENIALS, type CreditDenial } from '../../core/credits/credit-policy';

function isKnownDenial(code: string): code is CreditDenial {
  return CREDIT_DENIALS.some((known) => known === code);
}

/** Why the credit policy awarded no credit, one plain sentence per stable denial code. */
export function DenialList({ denials }: { denials: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="denials">
      {denials.map((code) => (
        <li key={code}>
          {isKnownDenial(code) ? t(`denials.${code}`) : t('denials.other', { code })}
        </li>
      ))}
    </ul>
  );
}
