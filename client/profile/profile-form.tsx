import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LEARNER_PROFESSIONS,
  LEARNER_SPECIALTIES,
  type LearnerProfession,
  type LearnerSpecialty,
} from '../../core/learner/learner-profile';
import { TOPIC_IDS } from '../../core/topics';
import type { ProfileUpdate } from '../../core/wire/learner';
import { isReportable, updateOf, type DraftErrors, type ProfileDraft } from './profile-draft';
import { SelectField, TextField } from './profile-fields';

interface ProfileFormProps {
  initial: ProfileDraft;
  /** When the learner gave consent to report, if they did. */
  consentGivenAt?: string | undefined;
  /** Saves the update; rejects when it could not be saved. */
  onSave: (update: ProfileUpdate) => Promise<void>;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'failed' | 'invalid';

/** Profession, specialty, gaps, reporting identifiers and the consent to report them. */
export function ProfileForm({ initial, consentGivenAt, onSave }: ProfileFormProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const consentId = useId();
  const statementId = useId();
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setSaveState('idle');
  };
  const months = Array.from({ length: 12 }, (_, i) => {
    const name = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
    return [String(i + 1), name.format(Date.UTC(2000, i, 1))] as const;
  });
  const days = Array.from({ length: 31 }, (_, i) => [String(i + 1), String(i + 1)] as const);
  const notSet = ['', t('profile.notSet')] as const;
  const errorText = (key: keyof DraftErrors) => {
    const message = errors[key];
    return message === undefined ? undefined : t(`profile.errors.${message}`);
  };
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const result = updateOf(draft);
    if (!result.ok) {
      setErrors(result.errors);
      setSaveState('invalid');
      return;
    }
    setErrors({});
    setSaveState('saving');
    await onSave(result.update).then(
      () => {
        setSaveState('saved');
      },
      () => {
        setSaveState('failed');
      },
    );
  };
  const ehrHint = (key: 'profession' | 'specialty') =>
    draft.fromEhr[key] !== undefined && draft[key] === draft.fromEhr[key]
      ? t('profile.fromEhr')
      : undefined;
  return (
    <form className="profile-form" noValidate onSubmit={(event) => void submit(event)}>
      <fieldset className="profile-fieldset">
        <legend>{t('profile.role.legend')}</legend>
        <SelectField
          label={t('profile.role.profession')}
          value={draft.profession}
          options={[
            notSet,
            ...LEARNER_PROFESSIONS.map((p) => [p, t(`profile.professions.${p}`)] as const),
          ]}
          hint={
            [
              ehrHint('profession'),
              draft.profession !== '' && draft.profession !== 'physician'
                ? t('profile.participationHint')
                : undefined,
            ]
              .filter(Boolean)
              .join(' ') || undefined
          }
          onChange={(value) => {
            set('profession', value as LearnerProfession | '');
          }}
        />
        <SelectField
          label={t('profile.role.specialty')}
          value={draft.specialty}
          options={[
            notSet,
            ...LEARNER_SPECIALTIES.map((s) => [s, t(`profile.specialties.${s}`)] as const),
          ]}
          hint={ehrHint('specialty')}
          onChange={(value) => {
            set('specialty', value as LearnerSpecialty | '');
          }}
        />
      </fieldset>
      <fieldset className="profile-fieldset">
        <legend>{t('profile.gaps.legend')}</legend>
        <p className="hint">{t('profile.gaps.hint')}</p>
        <div className="checkbox-grid">
          {TOPIC_IDS.map((topic) => (
            <label key={topic} className="checkbox">
              <input
                type="checkbox"
                checked={draft.gaps.includes(topic)}
                onChange={(event) => {
                  set(
                    'gaps',
                    event.target.checked
                      ? TOPIC_IDS.filter((id) => id === topic || draft.gaps.includes(id))
                      : draft.gaps.filter((id) => id !== topic),
                  );
                }}
              />
              {t(`topics.${topic}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="profile-fieldset">
        <legend>{t('profile.reporting.legend')}</legend>
        <div className="checkbox consent">
          <input
            id={consentId}
            type="checkbox"
            checked={draft.consent}
            aria-describedby={statementId}
            onChange={(event) => {
              set('consent', event.target.checked);
            }}
          />
          <label htmlFor={consentId}>{t('profile.consent.label')}</label>
        </div>
        <p id={statementId} className="hint">
          {t('profile.consent.statement')}
        </p>
        {draft.consent && consentGivenAt !== undefined && initial.consent ? (
          <p className="hint">
            {t('profile.consent.given', {
              date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(
                new Date(consentGivenAt),
              ),
            })}
          </p>
        ) : null}
        {draft.consent && !isReportable(draft) ? (
          <p className="note">{t('profile.consent.incomplete')}</p>
        ) : null}
        {(['firstName', 'lastName'] as const).map((key) => (
          <TextField
            key={key}
            label={t(`profile.reporting.${key}`)}
            value={draft[key]}
            error={errorText(key)}
            autoComplete={key === 'firstName' ? 'given-name' : 'family-name'}
            onChange={(value) => {
              set(key, value);
            }}
          />
        ))}
        <TextField
          label={t('profile.reporting.npi')}
          value={draft.npi}
          error={errorText('npi')}
          inputMode="numeric"
          onChange={(value) => {
            set('npi', value);
          }}
        />
        <TextField
          label={t('profile.reporting.boardId')}
          value={draft.boardId}
          error={errorText('boardId')}
          onChange={(value) => {
            set('boardId', value);
          }}
        />
        <SelectField
          label={t('profile.reporting.birthMonth')}
          value={draft.birthMonth}
          options={[notSet, ...months]}
          onChange={(value) => {
            set('birthMonth', value);
          }}
        />
        <SelectField
          label={t('profile.reporting.birthDay')}
          value={draft.birthDay}
          options={[notSet, ...days]}
          error={errorText('birthDay')}
          onChange={(value) => {
            set('birthDay', value);
          }}
        />
      </fieldset>
      {saveState === 'invalid' ? (
        <p className="note note-error" role="alert">
          {t('profile.errors.fix')}
        </p>
      ) : null}
      {saveState === 'failed' ? (
        <p className="note note-error" role="alert">
          {t('profile.saveFailed')}
        </p>
      ) : null}
      <p role="status" className="profile-status">
        {saveState === 'saved' ? t('profile.saved') : ''}
      </p>
      <button type="submit" className="button" disabled={saveState === 'saving'}>
        {saveState === 'saving' ? t('profile.saving') : t('profile.save')}
      </button>
    </form>
  );
}
