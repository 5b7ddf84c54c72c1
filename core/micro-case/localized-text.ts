import { z } from 'zod';

/** Languages every learner-facing text ships in. */
export const CONTENT_LANGUAGES = ['en', 'es'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/** A learner-facing text in every content language: a missing translation is a schema error. */
export const localizedText = (max = 4000) =>
  z
    .object({ en: z.string().trim().min(1).max(max), es: z.string().trim().min(1).max(max) })
    .strict();
export type LocalizedText = z.infer<ReturnType<typeof localizedText>>;

/** The text in `language`, falling back to English. */
export function localize(text: LocalizedText, language: string): string {
  return language.toLowerCase().startsWith('es') ? text.es : text.en;
}
