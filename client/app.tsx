import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientContext } from '../core/patient-context';
import { CaseWorkspace } from './case-picker/case-workspace';
import type { CreditAccess } from './credits/credit-access';
import { ErrorView } from './errors/error-view';
import type { PractitionerPrefill } from './fhir/read-practitioner';
import { ChartSummary } from './patient-context/chart-summary';
import { PatientBanner } from './patient-context/patient-banner';
import {
  usePatientContext,
  type SettledPatientContext,
} from './patient-context/use-patient-context';
import { FirstRunPrompt, promptAnswered, rememberPromptAnswered } from './profile/first-run-prompt';
import { ProfilePage } from './profile/profile-page';
import { useLearnerProfile } from './profile/use-learner-profile';
import { usePractitionerPrefill } from './profile/use-practitioner-prefill';

// Its own chunk: the chart library loads only when the learner opens their measures.
const OutcomesPage = lazy(() => import('./outcomes/outcomes-page'));

interface AppProps {
  firstLoad: Promise<SettledPatientContext>;
  /** Reads the chart again (the SMART authorization itself is never repeated). */
  reload: () => Promise<PatientContext>;
  /** The launch's app session and EHR access token, for recording credit. */
  access: CreditAccess;
  /** What this device still holds for the learner, shown while the chart cannot be read. */
  onDevice?: ReactNode;
  /** Reads what the EHR says about the learner, to prefill their profile (never rejects). */
  practitioner?: () => Promise<PractitionerPrefill>;
}

/**
 * The /app/ page: the patient in context, read once per launch (or what to do when that fails),
 * and the micro-case that fits them; "My profile" and "My learning and measures" from the header.
 */
export function App({ firstLoad, reload, access, onDevice, practitioner }: AppProps) {
  const { t } = useTranslation();
  const [state, retry] = usePatientContext(firstLoad, reload);
  const ready = state.status === 'ready' ? state.context : undefined;
  const profile = useLearnerProfile(access);
  const [view, setView] = useState<'cases' | 'profile' | 'outcomes'>('cases');
  const showProfile = view === 'profile';
  const setShowProfile = (open: boolean) => {
    setView(open ? 'profile' : 'cases');
  };
  const profileButton = useRef<HTMLButtonElement>(null);
  const outcomesButton = useRef<HTMLButtonElement>(null);
  const prefill = usePractitionerPrefill(practitioner, showProfile);
  const learner = ready?.launch.fhirUser ?? '';
  const [promptDone, setPromptDone] = useState(false);
  const askOnce =
    ready !== undefined &&
    !promptDone &&
    !promptAnswered(localStorage, learner) &&
    profile.state.status === 'ready' &&
    profile.state.value.updatedAt === null;
  const answerPrompt = (open: boolean) => {
    rememberPromptAnswered(localStorage, learner);
    setPromptDone(true);
    setShowProfile(open);
  };
  return (
    <>
      <header className="app-header">
        <div className="app-header-row">
          <h1 className="app-name">{t('app.name')}</h1>
          <button
            ref={outcomesButton}
            type="button"
            className="header-link"
            aria-current={view === 'outcomes' ? 'page' : undefined}
            onClick={() => {
              setView('outcomes');
            }}
          >
            {t('outcomes.menu')}
          </button>
          <button
            ref={profileButton}
            type="button"
            className="header-link"
            aria-current={showProfile ? 'page' : undefined}
            onClick={() => {
              setShowProfile(true);
            }}
          >
            {t('profile.menu')}
          </button>
        </div>
        {ready?.launch.needPatientBanner === true ? (
          <PatientBanner
            patient={ready.patient}
            unavailable={ready.unavailable.includes('Patient')}
          />
        ) : null}
      </header>
      <main className="app-main">
        {showProfile ? (
          <ProfilePage
            access={access}
            profile={profile}
            prefill={prefill}
            onBack={() => {
              setShowProfile(false);
              // The page that had focus is gone: focus returns to where the learner opened it.
              profileButton.current?.focus();
            }}
          />
        ) : null}
        {view === 'outcomes' ? (
          <Suspense
            fallback={
              <p className="loading" role="status">
                {t('outcomes.loading')}
              </p>
            }
          >
            <OutcomesPage
              access={access}
              onBack={() => {
                setView('cases');
                outcomesButton.current?.focus();
              }}
            />
          </Suspense>
        ) : null}
        {/* Hidden, not unmounted, while another page is open: a case in progress is kept. */}
        <div hidden={view !== 'cases'}>
          {askOnce ? (
            <FirstRunPrompt
              onOpen={() => {
                answerPrompt(true);
              }}
              onSkip={() => {
                answerPrompt(false);
              }}
            />
          ) : null}
          {state.status === 'loading' ? (
            <p className="loading" role="status" aria-live="polite">
              {t('app.loading')}
            </p>
          ) : null}
          {state.status === 'failed' ? (
            <>
              <ErrorView error={state.error} onRetry={retry} />
              {onDevice}
            </>
          ) : null}
          {ready === undefined ? null : (
            <CaseWorkspace
              context={ready}
              summary={<ChartSummary context={ready} />}
              access={access}
              profile={profile.state.status === 'ready' ? profile.state.value.profile : undefined}
            />
          )}
        </div>
      </main>
    </>
  );
}
