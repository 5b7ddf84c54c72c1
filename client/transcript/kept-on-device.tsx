import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import type { CreditOutbox } from '../credits/credit-outbox';
import { useOutboxState } from '../credits/use-credit-outbox';
import { isChartsideErrorCode } from '../errors/chartside-error';
import { useFhirFormat } from '../i18n/use-fhir-format';
import { useLocalize } from '../i18n/use-localize';

interface KeptOnDeviceProps {
  outbox: CreditOutbox;
  cases: readonly MicroCase[];
}

/**
 * Finished cases the server has no credit for: those waiting on this device to be sent, and
 * those that could not be verified, kept as the learner's own record.
 */
export function KeptOnDevice({ outbox, cases }: KeptOnDeviceProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const format = useFhirFormat();
  const headingId = useId();
  const waitingId = useId();
  const refusedId = useId();
  const { pending, refused } = useOutboxState(outbox);
  const title = (caseId: string) => {
    const found = cases.find((microCase) => microCase.id === caseId);
    return found === undefined ? caseId : localize(found.title);
  };
  if (pending.length === 0 && refused.length === 0) return null;
  return (
    <section className="kept-on-device" aria-labelledby={headingId}>
      <h3 id={headingId} className="subheading">
        {t('transcript.onDevice')}
      </h3>
      {pending.length === 0 ? null : (
        <>
          <h4 id={waitingId} className="why-heading">
            {t('transcript.waiting')}
          </h4>
          <ul className="item-list" aria-labelledby={waitingId}>
            {pending.map((attempt) => (
              <li key={attempt.attemptId} className="item">
                <span className="item-name">{title(attempt.caseId)}</span>
                <span className="item-meta">
                  {t('transcript.finished', { time: format.dateTime(attempt.finishedAt) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {refused.length === 0 ? null : (
        <>
          <h4 id={refusedId} className="why-heading">
            {t('transcript.notVerified')}
          </h4>
          <ul className="item-list" aria-labelledby={refusedId}>
            {refused.map(({ attempt, code }) => (
              <li key={attempt.attemptId} className="item">
                <span className="item-name">{title(attempt.caseId)}</span>
                <span className="item-meta">
                  {t('transcript.finished', { time: format.dateTime(attempt.finishedAt) })}
                </span>
                <span className="item-meta">
                  {t(`errors.${isChartsideErrorCode(code) ? code : 'REQUEST_REFUSED'}.title`)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
