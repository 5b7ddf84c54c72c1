import 'i18next';
import type en from './en.json';

/** Typed translation keys: `t('labs.hgih')` is a compile error. English is the reference. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
