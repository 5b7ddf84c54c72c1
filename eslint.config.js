// @ts-check
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import boundaries (DESIGN.md §2): which folders may not import which. */
const boundary = (/** @type {string[]} */ groups, /** @type {string} */ message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'tools/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.core.json', './tsconfig.web.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['client/**/*.{ts,tsx}', 'launch/*.ts', 'admin/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'jsx-a11y': jsxA11y, 'react-hooks': reactHooks },
    rules: {
      ...jsxA11y.flatConfigs.strict.rules,
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: boundary(
      ['**/client/**', '**/server/**', '**/launch/**', 'node:*', 'fhirclient', 'react', 'express'],
      'core/ is isomorphic: it imports nothing of client, server or launch, and no Node or DOM API.',
    ),
  },
  {
    files: ['server/**/*.ts'],
    rules: boundary(
      ['**/client/**', '**/launch/**', 'fhirclient', 'react'],
      'server/ never imports the client or the sandbox EHR.',
    ),
  },
  {
    files: ['launch/*.ts'],
    rules: boundary(
      ['**/server/**', '**/sandbox/**'],
      'The launch page never imports server or sandbox code.',
    ),
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/fhir/**'],
    rules: boundary(
      ['**/server/**', '**/sandbox/**', 'fhirclient', 'fhirclient/*'],
      'client/fhir/ is the only place that imports fhirclient; the client never imports server or sandbox code.',
    ),
  },
  {
    files: ['admin/**/*.{ts,tsx}'],
    rules: boundary(
      ['**/server/**', '**/sandbox/**', '**/client/**', 'fhirclient', 'fhirclient/*'],
      'The admin UI talks to the server over its API only: it imports core, never server, client or sandbox code.',
    ),
  },
  {
    files: ['client/fhir/**/*.ts'],
    rules: boundary(
      ['**/server/**', '**/sandbox/**'],
      'The client never imports server or sandbox code.',
    ),
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
