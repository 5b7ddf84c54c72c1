import { useMemo, useState, type ReactNode } from 'react';
import type { PatientContext } from '../../core/patient-context';
import { CasePlayer } from '../case-player/case-player';
import type { FinishedAttempt } from '../learner-history/finished-attempt';
import { localLearnerHistory } from '../learner-history/local-learner-history';
import { useLearnerHistory } from '../learner-history/use-learner-history';
import { CasePicker } from './case-picker';
import { requestedCaseId } from './requested-case';
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
  /** The chart summary, shown above the picker and hidden while a case is played. */
  summary: ReactNode;
}

/**
 * The learning side of the app: the picker under the chart summary, or the case being played.
 * A case named by a CDS Hooks card (`appContext`) opens first; "Back to suggestions" leads to
 * the picker behind it.
 */
export function CaseWorkspace({ context, summary }: CaseWorkspaceProps) {
  const [libraryState, retryLibrary] = useLibrary();
  const library = libraryState.status === 'ready' ? libraryState.library : undefined;
  const fhirUser = context.launch.fhirUser;
  const store = useMemo(() => localLearnerHistory(fhirUser), [fhirUser]);
  const learner = useLearnerHistory(store);
  const matches = useCaseMatches(library, context, learner.history);
  const requestedId = requestedCaseId(context.launch.appContext);
  const requested = library?.cases.find((microCase) => microCase.id === requestedId);
  // undefined: nothing chosen yet (a card's case opens); null: the picker was chosen.
  const [chosen, setChosen] = useState<OpenCase | null | undefined>(undefined);
  const [rounds, setRounds] = useState(0);
  const open =
    chosen === undefined
      ? requested && { caseId: requested.id, openedFrom: 'card' as const, round: 0 }
      : chosen;
  const microCase = open ? library?.cases.find((entry) => entry.id === open.caseId) : undefined;

  if (open && microCase !== undefined) {
    return (
      <CasePlayer
        key={`${open.caseId}-${open.round}`}
        microCase={microCase}
        match={matches?.find((match) => match.caseId === microCase.id)}
        openedFrom={open.openedFrom}
        encounterId={context.launch.encounterId}
        onBack={() => {
          setChosen(null);
        }}
        onFinish={learner.complete}
      />
    );
  }
  return (
    <>
      {summary}
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
      />
    </>
  );
}
