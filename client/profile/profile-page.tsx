import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_PROFILE } from '../../core/learner/learner-profile';
import type { CreditAccess } from '../credits/credit-access';
import { ErrorView } from '../errors/error-view';
import type { PractitionerPrefill } from '../fhir/read-practitioner';
import { saveProfile } from '../lib/profile-api';
import { useFocusOnMount } from '../lib/use-focus-on-mount';
import { MyDataPanel } from './my-data-panel';
import { draftOf } from './profile-draft';
import { ProfileForm } from './profile-form';
import type { ProfileResponse } from '../../core/wire/learner';
import type { ResourceHandle } from '../lib/use-session-resource';

interface ProfilePageProps {
  access: CreditAccess;
  profile: ResourceHandle<ProfileResponse>;
  /** What the EHR says about the learner, when it could be read. */
  prefill: PractitionerPrefill | undefined;
  onBack: () => void;
}

/** "My profile": who the learner is, what they want to work on, and their data. */
export function ProfilePage({ access, profile, prefill, onBack }: ProfilePageProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>(true);
  const { state } = profile;
  // A reset starts the form again; a save keeps it (and its "saved" status).
  const [resets, setResets] = useState(0);
  return (
    <section className="profile-page" aria-labelledby={headingId}>
      <button type="button" className="button button-secondary" onClick={onBack}>
        {t('profile.back')}
      </button>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="section-heading">
        {t('profile.heading')}
      </h2>
      <p>{t('profile.intro')}</p>
      {state.status === 'loading' ? (
        <p className="loading" role="status">
          {t('profile.loading')}
        </p>
      ) : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={profile.retry} /> : null}
      {state.status === 'ready' ? (
        <ProfileForm
          // A new form after a reset or a prefill that arrived late: its draft starts again.
          key={`${resets}-${prefill === undefined ? 'own' : 'prefilled'}`}
          initial={draftOf(state.value.profile, prefill)}
          consentGivenAt={state.value.profile.reportingConsent?.at}
          onSave={async (update) => {
            const session = await access.session();
            profile.replace(await saveProfile(session.sessionToken, update));
          }}
        />
      ) : null}
      <MyDataPanel
        access={access}
        onReset={() => {
          profile.replace({ profile: EMPTY_PROFILE, updatedAt: null });
          setResets(resets + 1);
        }}
      />
    </section>
  );
}
