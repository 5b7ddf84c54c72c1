export const SUPPORTED_LANGUAGES = ['en', 'es'] as const;

/**
 * The first of the browser's preferred language tags whose language Chartside speaks, kept
 * whole (`es-MX`) for regional date and number formats; `en` when none fits.
 */
export function pickLanguage(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const canonical = canonicalTag(tag);
    const language = canonical?.split('-')[0]?.toLowerCase();
    if (
      canonical !== undefined &&
      SUPPORTED_LANGUAGES.some((supported) => supported === language)
    ) {
      return canonical;
    }
  }
  return 'en';
}

function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
