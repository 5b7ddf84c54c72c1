import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Citation } from '../../core/micro-case/micro-case-schema';
import { CitationList } from './citation-list';
import { ReflectionField } from './reflection-field';

export interface Reflection {
  clinicalQuestion: string;
  applicationToPractice: string;
}

interface ReflectionFormProps {
  /** The case's clinical question, in the learner's language, to edit. */
  initialQuestion: string;
  citations: readonly Citation[];
  saving: boolean;
  onFinish: (reflection: Reflection) => void;
}

/**
 * The AMA PRA Category 1 internet point-of-care cycle: (1) the clinical question, (2) the
 * sources consulted, (3) the application to practice. Questions and application are required.
 */
export function ReflectionForm({
  initialQuestion,
  citations,
  saving,
  onFinish,
}: ReflectionFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const sourcesId = useId();
  const questionRef = useRef<HTMLTextAreaElement>(null);
  const applicationRef = useRef<HTMLTextAreaElement>(null);
  const [question, setQuestion] = useState(initialQuestion);
  const [application, setApplication] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const questionMissing = question.trim() === '';
  const applicationMissing = application.trim() === '';

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (questionMissing || applicationMissing) {
      setShowErrors(true);
      (questionMissing ? questionRef : applicationRef).current?.focus();
      return;
    }
    onFinish({ clinicalQuestion: question.trim(), applicationToPractice: application.trim() });
  };

  return (
    <form className="reflection" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId} className="subheading">
        {t('reflection.heading')}
      </h3>
      <p className="item-meta">{t('reflection.intro')}</p>
      <ReflectionField
        ref={questionRef}
        label={t('reflection.question')}
        hint={t('reflection.questionHint')}
        error={showErrors && questionMissing ? t('reflection.questionMissing') : undefined}
        value={question}
        maxLength={2000}
        onChange={setQuestion}
      />
      <div className="field">
        <p id={sourcesId} className="field-label">
          {t('reflection.sources')}
        </p>
        <CitationList citations={citations} labelledBy={sourcesId} />
      </div>
      <ReflectionField
        ref={applicationRef}
        label={t('reflection.application')}
        hint={t('reflection.applicationHint')}
        error={showErrors && applicationMissing ? t('reflection.applicationMissing') : undefined}
        value={application}
        maxLength={4000}
        onChange={setApplication}
      />
      <button type="submit" className="button" disabled={saving}>
        {t('reflection.finish')}
      </button>
    </form>
  );
}
