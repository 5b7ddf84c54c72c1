import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type LocalizedText } from '../../core/micro-case/localized-text';

/** Case content (every learner text is `{en, es}`) in the language the page is shown in. */
export function useLocalize(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((text: LocalizedText) => localize(text, language), [language]);
}
