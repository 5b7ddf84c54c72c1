import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig } from './config';

test('APP_SIGNING_KEY_FILE reads the app key from a file (a mounted secret)', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'chartside-key-')), 'key.jwk.json');
  writeFileSync(file, '{"kty":"EC","kid":"from-file"}\n');
  expect(loadConfig({ APP_SIGNING_KEY_FILE: file }).signingKey).toBe(
    '{"kty":"EC","kid":"from-file"}',
  );
  expect(
    loadConfig({ APP_SIGNING_KEY_FILE: file, APP_SIGNING_KEY: '{"kid":"from-env"}' }).signingKey,
  ).toBe('{"kid":"from-env"}');
});

test('the Backend Services assertion keys come from APP_CLIENT_KEY_* or their files, and are absent otherwise', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'chartside-key-')), 'rs384.jwk.json');
  writeFileSync(file, '{"kty":"RSA","kid":"rs-from-file"}\n');
  expect(
    loadConfig({ APP_CLIENT_KEY_ES384: '{"kid":"es"}', APP_CLIENT_KEY_RS384_FILE: file })
      .clientAssertionKeys,
  ).toEqual({ ES384: '{"kid":"es"}', RS384: '{"kty":"RSA","kid":"rs-from-file"}' });
  expect(loadConfig({}).clientAssertionKeys).toEqual({});
});

test('an unreadable key file is reported with the other configuration errors', () => {
  expect(() =>
    loadConfig({ APP_SIGNING_KEY_FILE: '/nonexistent/key.json', ADMIN_TOKEN: 'short' }),
  ).toThrow(
    'Invalid configuration:\n✖ cannot be read: /nonexistent/key.json\n  → at APP_SIGNING_KEY_FILE\n✖ at least 32 characters\n  → at ADMIN_TOKEN',
  );
});

test('NODE_ENV=production turns on production mode, which refuses http:// FHIR bases', () => {
  expect(loadConfig({ NODE_ENV: 'production' }).production).toBe(true);
  expect(loadConfig({}).production).toBe(false);
});
