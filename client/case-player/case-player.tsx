import { useId, useReducer, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseMatch } from '../../core/matcher/match-cases';
import { teachingPointOf } from '../../core/learner/teaching-points';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import type { QuestionVariant } from '../../core/micro-case/question-variants';
import { CaseMeta } from '../case-picker/case-meta';
import { useLocalize } from '../i18n/use-localize';
import type { FinishedAttempt } from '../learner-history/finished-attempt';
import { useFocusOnMount } from '../lib/use-focus-on-mount';
import { ATTEMPT_START, advanceAttempt } from './attempt-progress';
import { CaseDisclosure } from './case-disclosure';
import { CaseStem } from './case-stem';
import { CompletionSummary } from './completion-summary';
import { KeyPoints } from './key-points';
import { PlayerProgress } from './player-progress';
import { QuestionStep } from './question-step';
import { ReflectionForm, type Reflection } from './reflection-form';

interface CasePlayerProps {
  microCase: MicroCase;
  /** This patient's match for the case, if it matched: "Your patient" shows its evidence. */
  match: CaseMatch | undefined;
  openedFrom: FinishedAttempt['openedFrom'];
  encounterId: string | undefined;
  /**
   * The difficulty the server picked for each teaching point by the learner's mastery
   * (`GET /api/reviews/points`); a point not listed is asked at the standard difficulty.
   */
  pointVariants?: readonly { teachingPoint: string; variant?: QuestionVariant | undefined }[];
  onBack: () => void;
  /** Stores the finished attempt and sends it for credit; resolves whether it was stored. */
  onFinish: (attempt: FinishedAttempt) => Promise<boolean>;
  /** The credit outcome of the finished attempt, for the completion screen. */
  creditResult: (attempt: FinishedAttempt, saved: boolean) => ReactNode;
}

/** One micro-case from stem to reflection. Mounting it starts the attempt. */
export function CasePlayer({
  microCase,
  match,
  openedFrom,
  encounterId,
  pointVariants,
  ...props
}: CasePlayerProps) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const titleId = useId();
  const [started] = useState(() => ({
    attemptId: crypto.randomUUID(),
    startedAt: new Date().toISOString(),
  }));
  const [progress, dispatch] = useReducer(advanceAttempt, ATTEMPT_START);
  const [saving, setSaving] = useState(false);
  const [finished, setFinished] = useState<{ attempt: FinishedAttempt; saved: boolean }>();
  const { step, answers } = progress;
  const title = localize(microCase.title);
  const question = step.kind === 'question' ? microCase.questions[step.index] : undefined;
  const answer = answers.find((a) => a.questionId === question?.id);
  // Once answered, the question stays in the variant the learner saw.
  const variant =
    answer?.variant ??
    (question &&
      pointVariants?.find((p) => p.teachingPoint === teachingPointOf(microCase.id, question))
        ?.variant) ??
    'standard';

  const finish = (reflection: Reflection) => {
    const attempt: FinishedAttempt = {
      ...started,
      caseId: microCase.id,
      caseVersion: microCase.version,
      ...(encounterId === undefined || encounterId === '' ? {} : { encounterId }),
      openedFrom,
      matchedCriteria: [...new Set(match?.evidence.map((fact) => fact.criterionId) ?? [])],
      language: i18n.language,
      finishedAt: new Date().toISOString(),
      answers,
      reflection: { ...reflection, sourcesConsulted: microCase.citations.map((c) => c.id) },
    };
    setSaving(true);
    void props.onFinish(attempt).then((saved) => {
      setFinished({ attempt, saved });
      dispatch({ type: 'finish' });
    });
  };

  return (
    <article className="case-player" aria-labelledby={titleId}>
      {step.kind === 'done' ? null : (
        <button type="button" className="back-button" onClick={props.onBack}>
          <span aria-hidden="true">← </span>
          {t('player.back')}
        </button>
      )}
      <h2 id={titleId} ref={titleRef} tabIndex={-1} className="case-title">
        {title}
      </h2>
      <CaseMeta microCase={microCase} />
      <CaseDisclosure disclosure={microCase.disclosure} />
      {step.kind === 'done' ? null : (
        <PlayerProgress
          answered={answers.length}
          total={microCase.questions.length}
          minutes={microCase.minutes}
          startedAt={started.startedAt}
        />
      )}
      {question === undefined || step.kind !== 'question' ? null : (
        <>
          <CaseStem stem={microCase.stem} match={match} />
          <QuestionStep
            key={`${question.id}-${variant}`}
            question={question}
            variant={variant}
            number={step.index + 1}
            total={microCase.questions.length}
            answer={answer}
            citations={microCase.citations}
            onCheck={(answer) => {
              dispatch({ type: 'check', answer });
            }}
            onNext={() => {
              dispatch({ type: 'next', questionCount: microCase.questions.length });
            }}
          />
        </>
      )}
      {step.kind === 'wrap-up' ? (
        <>
          <KeyPoints microCase={microCase} />
          <ReflectionForm
            initialQuestion={localize(microCase.clinicalQuestion)}
            citations={microCase.citations}
            saving={saving}
            onFinish={finish}
          />
        </>
      ) : null}
      {step.kind === 'done' && finished !== undefined ? (
        <CompletionSummary
          title={title}
          attempt={finished.attempt}
          credit={props.creditResult(finished.attempt, finished.saved)}
          onBack={props.onBack}
        />
      ) : null}
    </article>
  );
}
