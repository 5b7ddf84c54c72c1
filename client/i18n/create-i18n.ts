import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import es from './es.json';
import { SUPPORTED_LANGUAGES } from './pick-language';

/**
 * An i18next instance for one language tag (e.g. `es-MX`): texts resolve to `es`, and the full
 * tag stays in `i18n.language` so that Intl formats dates and numbers the regional way.
 */
export function createI18n(language: string): i18n {
  const instance = createInstance();
  // Resources are bundled, so initialisation completes synchronously (initAsync: false).
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    resources: { en: { translation: en }, es: { translation: es } },
    initAsync: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
    react: { useSuspense: false },
  });
  return instance;
}
