import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface FirstRunPromptProps {
  onOpen: () => void;
  onSkip: () => void;
}

/** Asked once, to a learner with no profile: set one up now, or not. */
export function FirstRunPrompt({ onOpen, onSkip }: FirstRunPromptProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="first-run" aria-labelledby={headingId}>
      <h2 id={headingId} className="subheading">
        {t('profile.firstRun.heading')}
      </h2>
      <p>{t('profile.firstRun.text')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={onOpen}>
          {t('profile.firstRun.open')}
        </button>
        <button type="button" className="button button-secondary" onClick={onSkip}>
          {t('profile.firstRun.skip')}
        </button>
      </div>
    </section>
  );
}

const skipKey = (fhirUser: string) => `chartside.profile-prompt-skipped:${fhirUser}`;

/** Whether the learner already answered the first-run prompt on this device. */
export function promptAnswered(storage: Storage, fhirUser: string): boolean {
  return storage.getItem(skipKey(fhirUser)) !== null;
}

export function rememberPromptAnswered(storage: Storage, fhirUser: string): void {
  storage.setItem(skipKey(fhirUser), new Date().toISOString());
}
