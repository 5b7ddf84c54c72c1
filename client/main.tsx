import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import './app.css';
import './case-picker/case-picker.css';
import './case-player/case-player.css';
import './credits/credits.css';
import './profile/profile.css';
import { App } from './app';
import { WaitingOnDevice } from './credits/waiting-on-device';
import { launchCreditAccess } from './fhir/launch-credit-access';
import { loadLaunchedPatientContext } from './fhir/launched-patient-context';
import { readPractitionerPrefill } from './fhir/read-practitioner';
import { readLaunchContext } from './fhir/read-launch-context';
import { smartSession } from './fhir/smart-session';
import { createI18n } from './i18n/create-i18n';
import { pickLanguage } from './i18n/pick-language';
import { settlePatientContext } from './patient-context/use-patient-context';
import { registerServiceWorker } from './service-worker/register-service-worker';

const i18n = createI18n(pickLanguage(navigator.languages));
document.documentElement.lang = i18n.language;

// Started here, once per page load: the SMART code exchange must never run twice.
const firstLoad = settlePatientContext(loadLaunchedPatientContext());
// Likewise once: the app session is asked for right after ready(), with the launch's id_token.
const access = launchCreditAccess(smartSession);
// The learner is known without the network: their cases on this device show even offline.
const learner = smartSession.then((client) => readLaunchContext(client).fhirUser);
learner.catch(() => undefined);
// Asked only when the learner opens their profile; never fails (nothing is prefilled instead).
const practitioner = () => smartSession.then(readPractitionerPrefill, () => ({}));

const root = document.getElementById('root');
if (root === null) throw new Error('client/index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App
        firstLoad={firstLoad}
        reload={loadLaunchedPatientContext}
        access={access}
        onDevice={<WaitingOnDevice fhirUser={learner} />}
        practitioner={practitioner}
      />
    </I18nextProvider>
  </StrictMode>,
);

// After the launch has had the network to itself: the worker then fetches the whole shell.
window.addEventListener('load', () => {
  registerServiceWorker('serviceWorker' in navigator ? navigator.serviceWorker : undefined);
});
