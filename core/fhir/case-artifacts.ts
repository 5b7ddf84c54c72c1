import type { Extension, RelatedArtifact } from 'fhir/r4';
import type { LocalizedText } from '../micro-case/localized-text';
import type { Citation } from '../micro-case/micro-case-schema';

/** The core translation extension (FHIR R4 languages.html, "Language Translations"). */
export const TRANSLATION_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/translation';

/**
 * A localized text as FHIR carries it: the English value, and the Spanish in a `translation`
 * extension on the primitive's `_element` (FHIR R4 json.html, primitive elements).
 */
export function localizedPrimitive(text: LocalizedText): { value: string; element: Extension[] } {
  return {
    value: text.en,
    element: [
      {
        url: TRANSLATION_EXTENSION,
        extension: [
          { url: 'lang', valueCode: 'es' },
          { url: 'content', valueString: text.es },
        ],
      },
    ],
  };
}

/**
 * A case citation as an R4 RelatedArtifact of type `citation`: only what the case JSON states;
 * a DOI becomes its doi.org resolver URL.
 */
export function citationArtifact(citation: Citation): RelatedArtifact {
  const year = String(citation.year);
  const source = citation.journal
    ? `${citation.journal}${citation.journal.includes(year) ? '' : ` (${year})`}`
    : year;
  const parts = [citation.organization, citation.title, source];
  return {
    type: 'citation',
    label: citation.id,
    display: citation.title,
    citation: `${parts.join('. ')}.${citation.doi ? ` doi:${citation.doi}` : ''}`,
    url: citation.url ?? `https://doi.org/${citation.doi ?? ''}`,
  };
}

/** A FHIR `name` (computer-friendly, que-0 / pdf-0: `[A-Z]([A-Za-z0-9_]){0,254}`) from a slug. */
export function computableName(slug: string): string {
  return slug
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** Published content is `active` once a clinician reviewed it; before, it is offered as `draft`. */
export function publicationStatus(reviewers: readonly unknown[]): 'active' | 'draft' {
  return reviewers.length > 0 ? 'active' : 'draft';
}
