import { expect, test } from 'vitest';
import { AuthorizationState, CODE_TTL_MS } from './authorization-state';

const grant = {
  clientId: 'app',
  redirectUri: 'http://localhost:3000/app/',
  codeChallenge: 'challenge',
  scope: 'launch openid',
  practitioner: 'dr-a',
  context: { patient: 'p1' },
};

test('a code is redeemed once and never again', () => {
  const state = new AuthorizationState();
  const code = state.issueCode(grant);
  expect(state.redeemCode(code)).toMatchObject(grant);
  expect(state.redeemCode(code)).toBeUndefined();
});

test('a code expires after sixty seconds', () => {
  let now = 1_000_000;
  const state = new AuthorizationState(() => now);
  const code = state.issueCode(grant);
  now += CODE_TTL_MS + 1;
  expect(CODE_TTL_MS).toBeLessThanOrEqual(60_000);
  expect(state.redeemCode(code)).toBeUndefined();
});

test('codes are long random strings', () => {
  const state = new AuthorizationState();
  const codes = new Set(Array.from({ length: 50 }, () => state.issueCode(grant)));
  expect(codes.size).toBe(50);
  for (const code of codes) expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
});

test('a launch can be found until it expires', () => {
  let now = 0;
  const state = new AuthorizationState(() => now);
  const id = state.createLaunch({ patient: 'p1', encounter: 'e1' });
  expect(state.findLaunch(id)).toEqual({ patient: 'p1', encounter: 'e1' });
  now += 11 * 60_000;
  expect(state.findLaunch(id)).toBeUndefined();
  expect(state.findLaunch('made-up')).toBeUndefined();
});
