import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Citation, Question } from '../../core/micro-case/micro-case-schema';
import { useLocalize } from '../i18n/use-localize';
import { useFocusOnMount } from '../lib/use-focus-on-mount';
import { CitationList } from './citation-list';

type Option = Question['options'][number];

interface AnswerFeedbackProps {
  chosen: Option;
  correctOption: Option;
  citations: readonly Citation[];
}

/**
 * Feedback on the chosen option, the correct option when it was another one, and the sources
 * behind both. Takes focus when shown, so a screen reader reads the verdict first.
 */
export function AnswerFeedback({ chosen, correctOption, citations }: AnswerFeedbackProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const headingId = useId();
  const sourcesId = useId();
  const correct = chosen.id === correctOption.id;
  const cited = new Set([...chosen.citations, ...(correct ? [] : correctOption.citations)]);
  return (
    <section
      className={correct ? 'feedback feedback-correct' : 'feedback feedback-incorrect'}
      aria-labelledby={headingId}
    >
      <h4 id={headingId} ref={headingRef} tabIndex={-1} className="feedback-verdict">
        <span aria-hidden="true">{correct ? '✓ ' : '✗ '}</span>
        {correct ? t('feedback.correct') : t('feedback.incorrect')}
      </h4>
      <p>{localize(chosen.feedback)}</p>
      {correct ? null : (
        <>
          <p>
            <strong>{t('feedback.correctAnswer')}</strong> {localize(correctOption.text)}
          </p>
          <p>{localize(correctOption.feedback)}</p>
        </>
      )}
      <p id={sourcesId} className="sources-label">
        {t('feedback.sources')}
      </p>
      <CitationList
        citations={citations.filter((citation) => cited.has(citation.id))}
        labelledBy={sourcesId}
      />
    </section>
  );
}
