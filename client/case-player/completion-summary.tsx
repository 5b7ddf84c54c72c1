import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FinishedAttempt } from '../learner-history/finished-attempt';
import { useFocusOnMount } from '../lib/use-focus-on-mount';
import { FhirTime } from '../patient-context/fhir-time';

interface CompletionSummaryProps {
  title: string;
  attempt: FinishedAttempt;
  /** What became of the credit for this attempt. */
  credit: ReactNode;
  onBack: () => void;
}

/** The score, the credit outcome, and the record of this completion. */
export function CompletionSummary({ title, attempt, credit, onBack }: CompletionSummaryProps) {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const headingId = useId();
  const recordId = useId();
  const correct = attempt.answers.filter((answer) => answer.correct).length;
  return (
    <section className="completion" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="subheading">
        {t('completion.heading')}
      </h3>
      <p className="score">{t('completion.score', { correct, total: attempt.answers.length })}</p>
      {credit}
      <h4 id={recordId} className="why-heading">
        {t('completion.record')}
      </h4>
      <dl className="record" aria-labelledby={recordId}>
        <div>
          <dt>{t('completion.case')}</dt>
          <dd>{t('completion.caseVersion', { title, version: attempt.caseVersion })}</dd>
        </div>
        <div>
          <dt>{t('completion.started')}</dt>
          <dd>
            <FhirTime value={attempt.startedAt} />
          </dd>
        </div>
        <div>
          <dt>{t('completion.finished')}</dt>
          <dd>
            <FhirTime value={attempt.finishedAt} />
          </dd>
        </div>
        <div>
          <dt>{t('completion.attemptId')}</dt>
          <dd className="attempt-id">{attempt.attemptId}</dd>
        </div>
      </dl>
      <button type="button" className="button" onClick={onBack}>
        {t('player.back')}
      </button>
    </section>
  );
}
