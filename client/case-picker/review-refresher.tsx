import { useEffect, useId, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFIDENCE_LEVELS, type Confidence } from '../../core/learner/review-card';
import type { MicroCase, QuestionBody } from '../../core/micro-case/micro-case-schema';
import { questionBody, type QuestionVariant } from '../../core/micro-case/question-variants';
import type { DueReview, ReviewResponse } from '../../core/wire/learner';
import { AnswerFeedback } from '../case-player/answer-feedback';
import type { CreditAccess } from '../credits/credit-access';
import { useLocalize } from '../i18n/use-localize';
import { submitReview } from '../lib/review-api';
import { useDueReviews } from './use-due-reviews';

interface RefresherItem {
  due: DueReview;
  microCase: MicroCase;
  questionId: string;
  /** The version asked: the one the server picked by mastery, when the question has it. */
  variant: QuestionVariant;
  question: QuestionBody;
}

interface ReviewRefresherProps {
  access: CreditAccess;
  cases: readonly MicroCase[];
  /** The point a CDS Hooks refresher card opened the app for: asked first, and focused. */
  requestedPoint?: string | undefined;
}

/**
 * "Due for review" (issue 9): one question at a time on a teaching point FSRS says is due, a
 * minute each, graded by the server. Shows nothing when nothing is due.
 */
export function ReviewRefresher({ access, cases, requestedPoint }: ReviewRefresherProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const due = useDueReviews(access);
  const [position, setPosition] = useState(0);
  const items = useMemo(
    () =>
      (due ?? [])
        .flatMap((entry): RefresherItem[] => {
          const microCase = cases.find(
            (c) => c.id === entry.caseId && c.version === entry.caseVersion,
          );
          const question = microCase?.questions.find((q) => q.id === entry.questionId);
          if (!microCase || !question) return [];
          const wanted = entry.variant ?? 'standard';
          const variant = questionBody(question, wanted) ? wanted : 'standard';
          const body = questionBody(question, variant) ?? question;
          return [{ due: entry, microCase, questionId: question.id, variant, question: body }];
        })
        // A stable sort: the requested point first, the rest as the server ordered them.
        .sort(
          (a, b) =>
            Number(b.due.teachingPoint === requestedPoint) -
            Number(a.due.teachingPoint === requestedPoint),
        ),
    [due, cases, requestedPoint],
  );
  const current = items[position];
  const requestedShown =
    requestedPoint !== undefined && items[0]?.due.teachingPoint === requestedPoint;
  useEffect(() => {
    // Opened from a refresher card: the refresher, below the suggestions, is what they came for.
    if (requestedShown) headingRef.current?.focus();
  }, [requestedShown]);
  if (current === undefined) return null;
  return (
    <section className="review-refresher" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="section-heading">
        {t('review.heading')}
      </h2>
      <p className="note">{t('review.intro')}</p>
      <RefresherQuestion
        key={current.due.teachingPoint}
        item={current}
        access={access}
        hasNext={position + 1 < items.length}
        onNext={() => {
          setPosition(position + 1);
        }}
      />
    </section>
  );
}

interface RefresherQuestionProps {
  item: RefresherItem;
  access: CreditAccess;
  hasNext: boolean;
  onNext: () => void;
}

function RefresherQuestion({ item, access, hasNext, onNext }: RefresherQuestionProps) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const { microCase, question, questionId, variant } = item;
  const [shownAt] = useState(() => Date.now());
  const [reviewId] = useState(() => crypto.randomUUID());
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [confidence, setConfidence] = useState<Confidence | undefined>(undefined);
  const [missing, setMissing] = useState(false);
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  const [result, setResult] = useState<ReviewResponse | undefined>(undefined);
  const name = useId();
  const confidenceName = useId();
  const errorId = useId();
  const chosen = question.options.find((option) => option.id === selected);
  const correctOption = question.options.find((option) => option.correct);

  const check = (event: SyntheticEvent) => {
    event.preventDefault();
    if (chosen === undefined) {
      setMissing(true);
      return;
    }
    setSending(true);
    setFailed(false);
    const seconds = Math.min(3600, Math.round((Date.now() - shownAt) / 1000));
    access
      .session()
      .then((session) =>
        submitReview(session.sessionToken, {
          reviewId,
          caseId: microCase.id,
          caseVersion: microCase.version,
          questionId,
          optionId: chosen.id,
          ...(variant !== 'standard' && { variant }),
          ...(confidence && { confidence }),
          seconds,
        }),
      )
      .then(setResult, () => {
        setFailed(true);
      })
      .finally(() => {
        setSending(false);
      });
  };

  const locked = result !== undefined || sending;
  return (
    <>
      <p className="review-source">{t('review.fromCase', { title: localize(microCase.title) })}</p>
      <form onSubmit={check} noValidate>
        <fieldset
          className="options"
          disabled={locked}
          aria-describedby={missing && chosen === undefined ? errorId : undefined}
        >
          <legend className="question-prompt">{localize(question.prompt)}</legend>
          {question.options.map((option) => (
            <div key={option.id} className="option">
              <input
                id={`${name}-${option.id}`}
                type="radio"
                name={name}
                value={option.id}
                checked={selected === option.id}
                onChange={() => {
                  setSelected(option.id);
                  setMissing(false);
                }}
              />
              <label htmlFor={`${name}-${option.id}`}>{localize(option.text)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="confidence" disabled={locked}>
          <legend>{t('review.confidence.legend')}</legend>
          {CONFIDENCE_LEVELS.map((level) => (
            <span key={level} className="confidence-choice">
              <input
                id={`${confidenceName}-${level}`}
                type="radio"
                name={confidenceName}
                value={level}
                checked={confidence === level}
                onChange={() => {
                  setConfidence(level);
                }}
              />
              <label htmlFor={`${confidenceName}-${level}`}>
                {t(`review.confidence.${level}`)}
              </label>
            </span>
          ))}
        </fieldset>
        {missing && chosen === undefined ? (
          <p id={errorId} className="field-error">
            {t('player.chooseFirst')}
          </p>
        ) : null}
        {failed ? (
          <p className="field-error" role="alert">
            {t('review.failed')}
          </p>
        ) : null}
        {result === undefined ? (
          <button type="submit" className="button" disabled={sending}>
            {t('player.check')}
          </button>
        ) : null}
      </form>
      {result === undefined || chosen === undefined || correctOption === undefined ? null : (
        <>
          <AnswerFeedback
            chosen={chosen}
            correctOption={correctOption}
            citations={microCase.citations}
          />
          <p className="note">
            {t('review.nextDue', {
              date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(
                new Date(result.nextDue),
              ),
            })}
          </p>
          <button type="button" className="button" onClick={onNext}>
            {hasNext ? t('review.next') : t('review.done')}
          </button>
        </>
      )}
    </>
  );
}
