import { expect, test } from 'vitest';
import { cdsCardSchema } from './card';

const CARD = {
  uuid: '4e0a3a1e-3283-4575-ab82-028d55fe2719',
  summary: 'Lactate 4.1 mmol/L today — 7-min case: sepsis hour-1 bundle',
  indicator: 'info',
  source: { label: 'Chartside' },
};

test('a minimal Chartside card parses', () => {
  expect(cdsCardSchema.parse(CARD)).toEqual(CARD);
});

test.each([
  ['a summary of 140 characters', { summary: 'x'.repeat(140) }, 'summary'],
  ['an indicator outside the spec', { indicator: 'hard-stop' }, 'indicator'],
  ['a null optional field', { detail: null }, 'detail'],
  ['an empty links array', { links: [] }, 'links'],
  ['an override reason without display', { overrideReasons: [{ code: 'x' }] }, 'overrideReasons'],
  [
    'appContext on an absolute link',
    { links: [{ label: 'l', url: 'https://a.example', type: 'absolute', appContext: '{}' }] },
    'links',
  ],
  ['a card without uuid', { uuid: undefined }, 'uuid'],
])('CDS Hooks 2.0.1 §Card Attributes: %s is refused', (_name, change, field) => {
  const result = cdsCardSchema.safeParse({ ...CARD, ...change });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.path[0]).toBe(field);
});
