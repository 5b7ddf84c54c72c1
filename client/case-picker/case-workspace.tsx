import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearnerProfile } from '../../core/learner/learner-profile';
import type { PatientContext } from '../../core/patient-context';
import { CasePlayer } from '../case-player/case-player';
import type { CreditAccess } from '../credits/credit-access';
import { CreditResult } from '../credits/credit-result';
import { PendingNotice } from '../credits/pending-notice';
import { useCreditOutbox } from '../credits/use-credit-outbox';
import type { FinishedAttempt } from '../learner-history/finished-attempt';
import { localLearnerHistory } from '../learner-history/local-learner-history';
import { useLearnerHistory } from '../learner-history/use-learner-history';
import { useMergedHistory } from '../learner-history/use-merged-history';
import { TranscriptView } from '../transcript/transcript-view';
import { CasePicker } from './case-picker';
import { linkedCaseId } from './linked-case';
import { requestedCaseId, requestedReview } from './requested-case';
import { ReviewRefresher } from './review-refresher';
import { useAdaptedMatches, usePointStates } from './use-adapted-matches';
import { useCaseMatches } from './use-case-matches';
import { useLibrary } from './use-library';

interface OpenCase {
  caseId: string;
  openedFrom: FinishedAttempt['openedFrom'];
  /** Starting the same case again is a new attempt: a new player. */
  round: number;
}

interface CaseWorkspaceProps {
  context: PatientContext;
  /** The chart summary, shown below the picker and hidden while a case is played. */
  summary: ReactNode;
  access: CreditAccess;
  /** The learner's profile, once loaded: it re-ranks the suggestions, with reasons. */
  profile?: LearnerProfile | undefined;
}

/**
 * The learning side of the app: the picker above the chart summary, the case being played, or
 * the learner's credits. A case named by a CDS Hooks card (`appContext`) opens first; "Back to
 * suggestions" leads to the picker behind it. A refresher card's point is offered first among the
 * due refreshers. Finished cases are sent for credit from here.
 */
export function CaseWorkspace({ context, summary, access, profile }: CaseWorkspaceProps) {
  const { t } = useTranslation();
  const [libraryState, retryLibrary] = useLibrary();
  const library = libraryState.status === 'ready' ? libraryState.library : undefined;
  const { fhirUser, patientId, encounterId } = context.launch;
  const store = useMemo(() => localLearnerHistory(fhirUser), [fhirUser]);
  const learner = useLearnerHistory(store);
  const outbox = useCreditOutbox(store, access, patientId);
  const history = useMergedHistory(learner.history, access);
  // Fetched once: they rank the suggestions and pick each question's difficulty in the player.
  const points = usePointStates(access);
  const matches = useAdaptedMatches(useCaseMatches(library, context, history), {
    library,
    profile,
    points,
    history,
  });
  const requestedPoint = requestedReview(context.launch.appContext);
  const requestedId =
    requestedCaseId(context.launch.appContext) ?? linkedCaseId(window.sessionStorage);
  const requested = library?.cases.find((microCase) => microCase.id === requestedId);
  // undefined: nothing chosen yet (a card's case opens); null: the picker was chosen.
  const [chosen, setChosen] = useState<OpenCase | null | undefined>(undefined);
  const [rounds, setRounds] = useState(0);
  const [showCredits, setShowCredits] = useState(false);
  const open =
    chosen === undefined
      ? requested && { caseId: requested.id, openedFrom: 'card' as const, round: 0 }
      : chosen;
  const microCase = open ? library?.cases.find((entry) => entry.id === open.caseId) : undefined;
  const backToPicker = () => {
    setShowCredits(false);
    setChosen(null);
  };

  if (showCredits) {
    return (
      <TranscriptView
        access={access}
        outbox={outbox}
        cases={library?.cases ?? []}
        onBack={backToPicker}
      />
    );
  }
  if (open && microCase !== undefined) {
    return (
      <CasePlayer
        key={`${open.caseId}-${open.round}`}
        microCase={microCase}
        match={matches?.find((match) => match.caseId === microCase.id)}
        openedFrom={open.openedFrom}
        encounterId={encounterId}
        pointVariants={points}
        onBack={backToPicker}
        onFinish={async (attempt) => {
          // Kept on this device first: a finished case is never lost to a failed request.
          const saved = await learner.complete(attempt);
          void outbox.submit(attempt);
          return saved;
        }}
        creditResult={(attempt, saved) => (
          <CreditResult outbox={outbox} attempt={attempt} saved={saved} access={access} />
        )}
      />
    );
  }
  // The suggestion comes first: a clinician between patients should not scroll past the chart.
  return (
    <>
      <CasePicker
        library={libraryState}
        matches={matches}
        onRetry={retryLibrary}
        onStart={(caseId, pickedFrom) => {
          setRounds(rounds + 1);
          setChosen({ caseId, openedFrom: pickedFrom, round: rounds + 1 });
        }}
        onDismiss={(caseId) => {
          learner.dismiss(caseId).catch(() => undefined);
        }}
        focusHeading={chosen === null}
        requestedCaseMissing={
          requestedId !== undefined && library !== undefined && requested === undefined
        }
        onOpenCredits={() => {
          setShowCredits(true);
        }}
      >
        {encounterId === undefined ? <p className="note">{t('picker.noEncounter')}</p> : null}
        <PendingNotice outbox={outbox} />
      </CasePicker>
      <ReviewRefresher
        access={access}
        cases={library?.cases ?? []}
        requestedPoint={chosen === undefined ? requestedPoint : undefined}
      />
      {summary}
    </>
  );
}
