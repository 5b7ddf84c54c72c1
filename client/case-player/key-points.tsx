import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { useLocalize } from '../i18n/use-localize';
import { useFocusOnMount } from '../lib/use-focus-on-mount';
import { CitationList } from './citation-list';

/** The case's take-home points, each with the sources it rests on. Takes focus when shown. */
export function KeyPoints({ microCase }: { microCase: MicroCase }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const headingId = useId();
  const byId = new Map(microCase.citations.map((citation) => [citation.id, citation]));
  return (
    <section className="key-points" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="subheading">
        {t('keyPoints.heading')}
      </h3>
      <ol className="key-point-list">
        {microCase.keyPoints.map((point, index) => (
          <li key={index}>
            <p>{localize(point.text)}</p>
            <CitationList
              citations={point.citations.flatMap((id) => {
                const citation = byId.get(id);
                return citation === undefined ? [] : [citation];
              })}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
