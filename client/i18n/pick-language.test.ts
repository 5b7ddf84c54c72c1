import { expect, test } from 'vitest';
import { pickLanguage } from './pick-language';

test('keeps the regional tag of a supported language for Intl formats', () => {
  expect(pickLanguage(['es-MX', 'en-US'])).toBe('es-MX');
});

test('skips unsupported languages and falls back to English', () => {
  expect(pickLanguage(['fr-FR', 'en-GB'])).toBe('en-GB');
  expect(pickLanguage(['fr-FR', 'de'])).toBe('en');
  expect(pickLanguage([])).toBe('en');
});

test('ignores malformed language tags', () => {
  expect(pickLanguage(['not a tag', 'es'])).toBe('es');
});
