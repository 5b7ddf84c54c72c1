import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientContext } from '../core/patient-context';
import { CaseWorkspace } from './case-picker/case-workspace';
import type { CreditAccess } from './credits/credit-access';
import { ErrorView } from './errors/error-view';
import { ChartSummary } from './patient-context/chart-summary';
import { PatientBanner } from './patient-context/patient-banner';
import {
  usePatientContext,
  type SettledPatientContext,
} from './patient-context/use-patient-context';

interface AppProps {
  firstLoad: Promise<SettledPatientContext>;
  /** Reads the chart again (the SMART authorization itself is never repeated). */
  reload: () => Promise<PatientContext>;
  /** The launch's app session and EHR access token, for recording credit. */
  access: CreditAccess;
  /** What this device still holds for the learner, shown while the chart cannot be read. */
  onDevice?: ReactNode;
}

/**
 * The /app/ page: the patient in context, read once per launch (or what to do when that fails),
 * and the micro-case that fits them.
 */
export function App({ firstLoad, reload, access, onDevice }: AppProps) {
  const { t } = useTranslation();
  const [state, retry] = usePatientContext(firstLoad, reload);
  const ready = state.status === 'ready' ? state.context : undefined;
  return (
    <>
      <header className="app-header">
        <h1 className="app-name">{t('app.name')}</h1>
        {ready?.launch.needPatientBanner === true ? (
          <PatientBanner
            patient={ready.patient}
            unavailable={ready.unavailable.includes('Patient')}
          />
        ) : null}
      </header>
      <main className="app-main">
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
          />
        )}
      </main>
    </>
  );
}
