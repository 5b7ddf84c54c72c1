import { expect, test } from 'vitest';
import en from './en.json';
import es from './es.json';

/** Every leaf path of a translation tree, e.g. `errors.SESSION_EXPIRED.title`. */
function leafPaths(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]: [string, unknown]) =>
    typeof value === 'object' && value !== null
      ? leafPaths(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function leafValues(tree: object): unknown[] {
  return Object.values(tree).flatMap((value: unknown) =>
    typeof value === 'object' && value !== null ? leafValues(value) : [value],
  );
}

test('English and Spanish have exactly the same keys', () => {
  expect(leafPaths(es).sort()).toEqual(leafPaths(en).sort());
});

test('every translation is a non-empty string', () => {
  for (const value of [...leafValues(en), ...leafValues(es)]) {
    expect(typeof value === 'string' && value.trim() !== '').toBe(true);
  }
});
