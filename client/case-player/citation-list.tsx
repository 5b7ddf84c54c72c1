import { useTranslation } from 'react-i18next';
import type { Citation } from '../../core/micro-case/micro-case-schema';

/** Only web links: a citation URL is content, and content never gets to run script. */
function webLink(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

interface CitationListProps {
  citations: readonly Citation[];
  labelledBy?: string;
}

/**
 * Guideline citations: title, organisation, journal, year, and a DOI or web link. Links open
 * in a new tab, since following one inside the EHR sidebar would close the case.
 */
export function CitationList({ citations, labelledBy }: CitationListProps) {
  const { t } = useTranslation();
  return (
    <ul className="citations" aria-labelledby={labelledBy}>
      {citations.map((citation) => {
        const href =
          citation.doi === undefined ? webLink(citation.url) : `https://doi.org/${citation.doi}`;
        const year = String(citation.year);
        // Journal references often carry the year already ("Crit Care Med 2018;46:997–1000").
        const details = [
          citation.organization,
          citation.journal,
          citation.journal?.includes(year) === true ? undefined : year,
        ];
        return (
          <li key={citation.id}>
            <cite>{citation.title}</cite>. {details.filter((part) => part !== undefined).join('. ')}
            .{' '}
            {href === undefined ? null : (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {citation.doi === undefined ? href : `doi:${citation.doi}`}
                <span className="visually-hidden"> {t('citations.newTab')}</span>
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
