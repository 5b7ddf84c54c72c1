import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFhir, type FhirFormatters } from './format-fhir';

/** Intl formatters for the language the page is shown in. */
export function useFhirFormat(): FhirFormatters {
  const { i18n } = useTranslation();
  return useMemo(() => formatFhir(i18n.language), [i18n.language]);
}
