import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFhirFormat } from '../i18n/use-fhir-format';

interface SummarySectionProps {
  heading: string;
  count: number;
  emptyText: string;
  /** The server refused this resource type: say so instead of claiming "none recorded". */
  unavailable: boolean;
  /** The `<li>` items. */
  children: ReactNode;
}

/** One titled part of the chart summary: heading with a count, then a list or an honest note. */
export function SummarySection({
  heading,
  count,
  emptyText,
  unavailable,
  children,
}: SummarySectionProps) {
  const { t } = useTranslation();
  const format = useFhirFormat();
  const headingId = useId();
  return (
    <section className="summary-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {heading}
        {unavailable && count === 0 ? null : <span className="count">{format.number(count)}</span>}
      </h2>
      {unavailable ? <p className="note">{t('section.unavailable')}</p> : null}
      {count > 0 ? <ul className="item-list">{children}</ul> : null}
      {count === 0 && !unavailable ? <p className="empty">{emptyText}</p> : null}
    </section>
  );
}
