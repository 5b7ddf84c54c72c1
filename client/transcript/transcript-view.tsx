import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import type { CreditAccess } from '../credits/credit-access';
import type { CreditOutbox } from '../credits/credit-outbox';
import { PendingNotice } from '../credits/pending-notice';
import { useOutboxState } from '../credits/use-credit-outbox';
import { ErrorView } from '../errors/error-view';
import { useFocusOnMount } from '../lib/use-focus-on-mount';
import { CreditTable } from './credit-table';
import { KeptOnDevice } from './kept-on-device';
import { useTranscript } from './use-transcript';

interface TranscriptViewProps {
  access: CreditAccess;
  outbox: CreditOutbox;
  /** The case library, for the titles of credited cases. */
  cases: readonly MicroCase[];
  onBack: () => void;
}

/** "My credits": this calendar year's credits and total, and what is still on this device. */
export function TranscriptView({ access, outbox, cases, onBack }: TranscriptViewProps) {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const headingId = useId();
  const [year] = useState(() => new Date().getFullYear());
  const { outcomes } = useOutboxState(outbox);
  const recorded = [...outcomes.values()].filter((outcome) => outcome.status === 'recorded');
  const [state, retry] = useTranscript(access, year, recorded.length);
  return (
    <section className="transcript" aria-labelledby={headingId}>
      <button type="button" className="back-button" onClick={onBack}>
        <span aria-hidden="true">← </span>
        {t('player.back')}
      </button>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="section-heading">
        {t('transcript.heading')}
      </h2>
      {state.status === 'loading' ? (
        <p className="loading" role="status">
          {t('transcript.loading')}
        </p>
      ) : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? (
        <CreditTable access={access} transcript={state.transcript} year={year} cases={cases} />
      ) : null}
      <KeptOnDevice outbox={outbox} cases={cases} />
      <PendingNotice outbox={outbox} />
    </section>
  );
}
