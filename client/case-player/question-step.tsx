import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Citation, Question } from '../../core/micro-case/micro-case-schema';
import { questionBody, type QuestionVariant } from '../../core/micro-case/question-variants';
import { useLocalize } from '../i18n/use-localize';
import { useFocusOnMount } from '../lib/use-focus-on-mount';
import { AnswerFeedback } from './answer-feedback';
import type { Answer } from './attempt-progress';

interface QuestionStepProps {
  question: Question;
  /** Which version to ask: standard, or the easier or harder one the learner's mastery picked. */
  variant: QuestionVariant;
  number: number;
  total: number;
  /** Set once the learner has checked an answer: the options lock and feedback shows. */
  answer: Answer | undefined;
  citations: readonly Citation[];
  onCheck: (answer: Answer) => void;
  onNext: () => void;
}

/** One single-best-answer question as a radio group; "Check answer", feedback, then next. */
export function QuestionStep(props: QuestionStepProps) {
  const { number, total, answer, variant } = props;
  // A variant the question lacks falls back to the authored question (and is answered as such).
  const shown = questionBody(props.question, variant) === undefined ? 'standard' : variant;
  const question = questionBody(props.question, shown) ?? props.question;
  const { t } = useTranslation();
  const localize = useLocalize();
  // The first question follows the case title, which has focus already.
  const headingRef = useFocusOnMount<HTMLHeadingElement>(number > 1);
  const firstOption = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [missing, setMissing] = useState(false);
  const headingId = useId();
  const errorId = useId();
  const name = useId();
  const correctOption = question.options.find((option) => option.correct);
  const chosen = question.options.find((option) => option.id === answer?.optionId);

  const check = (event: SyntheticEvent) => {
    event.preventDefault();
    const option = question.options.find((candidate) => candidate.id === selected);
    if (option === undefined) {
      setMissing(true);
      firstOption.current?.focus();
      return;
    }
    props.onCheck({
      questionId: props.question.id,
      optionId: option.id,
      correct: option.correct,
      variant: shown,
    });
  };

  const mark = (optionId: string, isCorrect: boolean) => {
    if (answer === undefined) return null;
    if (isCorrect)
      return answer.optionId === optionId
        ? t('feedback.markYoursCorrect')
        : t('feedback.markCorrect');
    return answer.optionId === optionId ? t('feedback.markYoursIncorrect') : null;
  };

  return (
    <section className="question" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="subheading">
        {t('player.questionHeading', { number, total })}
      </h3>
      {shown === 'standard' ? null : <p className="note">{t(`player.variant.${shown}`)}</p>}
      <form onSubmit={check} noValidate>
        <fieldset
          className="options"
          disabled={answer !== undefined}
          aria-describedby={missing && answer === undefined ? errorId : undefined}
        >
          <legend className="question-prompt">{localize(question.prompt)}</legend>
          {question.options.map((option, index) => {
            const id = `${name}-${option.id}`;
            const label = mark(option.id, option.correct);
            return (
              <div
                key={option.id}
                className={
                  answer === undefined
                    ? 'option'
                    : `option option-${option.correct ? 'correct' : answer.optionId === option.id ? 'chosen' : 'other'}`
                }
              >
                <input
                  ref={index === 0 ? firstOption : undefined}
                  id={id}
                  type="radio"
                  name={name}
                  value={option.id}
                  checked={(answer?.optionId ?? selected) === option.id}
                  onChange={() => {
                    setSelected(option.id);
                    setMissing(false);
                  }}
                />
                <label htmlFor={id}>
                  {localize(option.text)}
                  {label === null ? null : <strong className="option-mark">{label}</strong>}
                </label>
              </div>
            );
          })}
        </fieldset>
        {missing && answer === undefined ? (
          <p id={errorId} className="field-error">
            {t('player.chooseFirst')}
          </p>
        ) : null}
        {answer === undefined ? (
          <button type="submit" className="button">
            {t('player.check')}
          </button>
        ) : null}
      </form>
      {answer === undefined || chosen === undefined || correctOption === undefined ? null : (
        <>
          <AnswerFeedback
            chosen={chosen}
            correctOption={correctOption}
            citations={props.citations}
          />
          <button type="button" className="button" onClick={props.onNext}>
            {number < total ? t('player.next') : t('player.toKeyPoints')}
          </button>
        </>
      )}
    </section>
  );
}
