import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdaptedMatch } from '../../core/learner/adapt-ranking';
import { ErrorView } from '../errors/error-view';
import { useLocalize } from '../i18n/use-localize';
import { useFocusOnMount } from '../lib/use-focus-on-mount';
import { AlternativeMatches } from './alternative-matches';
import { BrowseCases } from './browse-cases';
import { TopMatch } from './top-match';
import type { LibraryState } from './use-library';

export type PickedFrom = 'suggestion' | 'browse';

interface CasePickerProps {
  library: LibraryState;
  /** Undefined while the learner's history or the FHIRPath engine is loading. */
  matches: AdaptedMatch[] | undefined;
  onRetry: () => void;
  onStart: (caseId: string, pickedFrom: PickedFrom) => void;
  onDismiss: (caseId: string) => void;
  /** Focus the heading when shown (coming back from a case). */
  focusHeading: boolean;
  /** A CDS Hooks card asked for a case the library does not have. */
  requestedCaseMissing: boolean;
  /** Opens the learner's transcript ("My credits"). */
  onOpenCredits: () => void;
  /** Notices about credit, under the heading. */
  children?: ReactNode;
}

/** The micro-case that fits this patient now, why, two alternatives, and the whole library. */
export function CasePicker(props: CasePickerProps) {
  const { library, matches, onStart } = props;
  const { t } = useTranslation();
  const localize = useLocalize();
  const headingId = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>(props.focusHeading);
  const [announcement, setAnnouncement] = useState('');
  const [dismissedOnce, setDismissedOnce] = useState(false);
  const cases = library.status === 'ready' ? library.library.cases : undefined;
  const suggestions = useMemo(() => {
    const byId = new Map((cases ?? []).map((microCase) => [microCase.id, microCase]));
    return (matches ?? []).flatMap((match) => {
      const microCase = byId.get(match.caseId);
      return microCase === undefined || match.lowered === 'dismissed' ? [] : [{ microCase, match }];
    });
  }, [cases, matches]);
  const [top, ...others] = suggestions;
  const dismiss = (caseId: string, title: string) => {
    setDismissedOnce(true);
    setAnnouncement(t('picker.dismissed', { title }));
    props.onDismiss(caseId);
  };
  return (
    <section className="case-picker" aria-labelledby={headingId}>
      <div className="picker-heading-row">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="section-heading">
          {t('picker.heading')}
        </h2>
        <button type="button" className="button button-secondary" onClick={props.onOpenCredits}>
          {t('transcript.open')}
        </button>
      </div>
      {props.children}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {props.requestedCaseMissing ? <p className="note">{t('picker.requestedMissing')}</p> : null}
      {library.status === 'failed' ? (
        <ErrorView error={library.error} onRetry={props.onRetry} />
      ) : null}
      {cases === undefined || matches === undefined ? (
        library.status === 'failed' ? null : (
          <p className="loading" role="status">
            {t('picker.loading')}
          </p>
        )
      ) : (
        <>
          {top === undefined ? (
            <NoMatch focusOnMount={dismissedOnce}>
              {matches.length > 0 ? t('picker.allDismissed') : t('picker.noMatch')}
            </NoMatch>
          ) : (
            <TopMatch
              key={top.microCase.id}
              microCase={top.microCase}
              match={top.match}
              focusOnMount={dismissedOnce}
              onStart={() => {
                onStart(top.microCase.id, 'suggestion');
              }}
              onDismiss={() => {
                dismiss(top.microCase.id, localize(top.microCase.title));
              }}
            />
          )}
          {others.length > 0 ? (
            <AlternativeMatches
              alternatives={others.slice(0, 2)}
              onStart={(caseId) => {
                onStart(caseId, 'suggestion');
              }}
            />
          ) : null}
          <BrowseCases
            key={top === undefined ? 'open' : 'closed'}
            cases={cases}
            initiallyOpen={top === undefined}
            onStart={(caseId) => {
              onStart(caseId, 'browse');
            }}
          />
        </>
      )}
    </section>
  );
}

function NoMatch({ focusOnMount, children }: { focusOnMount: boolean; children: ReactNode }) {
  const ref = useFocusOnMount<HTMLParagraphElement>(focusOnMount);
  return (
    <p ref={ref} tabIndex={-1} className="empty no-match">
      {children}
    </p>
  );
}
