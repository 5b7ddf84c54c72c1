import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../create-i18n';

/** Renders `ui` the way main.tsx does, in the given language tag. */
export function renderInLanguage(ui: ReactElement, language = 'en'): RenderResult {
  return render(<I18nextProvider i18n={createI18n(language)}>{ui}</I18nextProvider>);
}
