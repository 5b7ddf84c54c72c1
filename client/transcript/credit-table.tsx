import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isParticipation } from '../../core/credits/credit-policy';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import type { CreditAccess } from '../credits/credit-access';
import { useFhirFormat } from '../i18n/use-fhir-format';
import { useLocalize } from '../i18n/use-localize';
import type { TranscriptResponse } from '../../core/wire/completion';
import { CertificateButton } from './certificate-button';

interface CreditTableProps {
  access: CreditAccess;
  transcript: TranscriptResponse;
  year: number;
  cases: readonly MicroCase[];
}

/**
 * The year's credits as a table a screen reader can walk: date, case, credit, its certificate,
 * and the total.
 */
export function CreditTable({ access, transcript, year, cases }: CreditTableProps) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const format = useFhirFormat();
  const day = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }),
    [i18n.language],
  );
  const titles = useMemo(
    () => new Map(cases.map((microCase) => [microCase.id, localize(microCase.title)])),
    [cases, localize],
  );
  if (transcript.credits.length === 0) {
    return <p className="empty">{t('transcript.empty', { year })}</p>;
  }
  return (
    <>
      <p className="credit-line">
        {t('transcript.totalLine', { year, amount: format.number(transcript.total) })}
      </p>
      {transcript.participationTotal !== undefined && (
        <p className="credit-line">
          {t('transcript.participationLine', {
            year,
            amount: format.number(transcript.participationTotal),
          })}
        </p>
      )}
      <table className="credit-table">
        <caption>{t('transcript.caption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transcript.date')}</th>
            <th scope="col">{t('transcript.case')}</th>
            <th scope="col">{t('transcript.credit')}</th>
            <th scope="col">{t('transcript.certificate')}</th>
          </tr>
        </thead>
        <tbody>
          {transcript.credits.map((credit) => (
            <tr key={credit.id}>
              <td>
                <time dateTime={credit.recordedAt}>{day.format(new Date(credit.recordedAt))}</time>
              </td>
              <th scope="row">{titles.get(credit.caseId) ?? credit.caseId}</th>
              <td className="credit-amount">
                {!credit.awarded
                  ? t('transcript.noCredit')
                  : isParticipation(credit.creditType)
                    ? t('transcript.participationAmount', { amount: format.number(credit.amount) })
                    : format.number(credit.amount)}
              </td>
              <td>
                <CertificateButton
                  access={access}
                  credit={credit}
                  caseTitle={titles.get(credit.caseId) ?? credit.caseId}
                />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('transcript.total')}
            </th>
            <td className="credit-amount">{format.number(transcript.total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </>
  );
}
