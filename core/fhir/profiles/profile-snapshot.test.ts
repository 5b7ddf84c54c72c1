import type { StructureDefinition } from 'fhir/r4';
import { expect, test } from 'vitest';
import { buildProfileSnapshot } from './profile-snapshot';

const sd = (
  id: string,
  type: string,
  elements: StructureDefinition['differential'],
  snapshot?: StructureDefinition['snapshot'],
): StructureDefinition => ({
  resourceType: 'StructureDefinition',
  id,
  url: `https://example.org/StructureDefinition/${id}`,
  name: id,
  status: 'active',
  kind: 'resource',
  abstract: false,
  type,
  ...(elements && { differential: elements }),
  ...(snapshot && { snapshot }),
});

const base = sd('Thing', 'Thing', undefined, {
  element: [
    {
      id: 'Thing',
      path: 'Thing',
      min: 0,
      max: '*',
      constraint: [{ key: 'base-1', severity: 'error', human: 'b' }],
    },
    {
      id: 'Thing.extension',
      path: 'Thing.extension',
      min: 0,
      max: '*',
      type: [{ code: 'Extension' }],
    },
    { id: 'Thing.part', path: 'Thing.part', min: 0, max: '*', type: [{ code: 'BackboneElement' }] },
    { id: 'Thing.part.kind', path: 'Thing.part.kind', min: 0, max: '1', type: [{ code: 'code' }] },
    { id: 'Thing.status', path: 'Thing.status', min: 0, max: '1', type: [{ code: 'code' }] },
  ],
});
const extension = sd('flag', 'Extension', undefined, {
  element: [
    { id: 'Extension', path: 'Extension', short: 'A flag', min: 0, max: '1' },
    {
      id: 'Extension.url',
      path: 'Extension.url',
      min: 1,
      max: '1',
      fixedUri: 'https://example.org/StructureDefinition/flag',
    },
    {
      id: 'Extension.value[x]',
      path: 'Extension.value[x]',
      min: 1,
      max: '1',
      type: [{ code: 'boolean' }],
    },
  ],
});
const extensions = new Map([[extension.url, extension]]);
const ids = (profile: StructureDefinition) => profile.snapshot!.element.map((e) => e.id);

test('differential constraints replace the base element’s, and invariants add up', () => {
  const profile = buildProfileSnapshot(
    sd('p', 'Thing', {
      element: [
        { id: 'Thing', path: 'Thing', constraint: [{ key: 'p-1', severity: 'error', human: 'p' }] },
        { id: 'Thing.status', path: 'Thing.status', min: 1, patternCode: 'done' },
      ],
    }),
    base,
  );
  expect(profile.snapshot!.element[0]!.constraint!.map((c) => c.key)).toEqual(['base-1', 'p-1']);
  expect(profile.snapshot!.element.at(-1)).toMatchObject({
    id: 'Thing.status',
    min: 1,
    max: '1',
    patternCode: 'done',
  });
  expect(profile.differential!.element).toHaveLength(2);
});

test('an extension slice unfolds the extension’s definition after the sliced element', () => {
  const profile = buildProfileSnapshot(
    sd('p', 'Thing', {
      element: [
        {
          id: 'Thing.extension',
          path: 'Thing.extension',
          slicing: { discriminator: [{ type: 'value', path: 'url' }], rules: 'open' },
        },
        {
          id: 'Thing.extension:flag',
          path: 'Thing.extension',
          sliceName: 'flag',
          min: 1,
          max: '1',
          type: [{ code: 'Extension', profile: [extension.url] }],
        },
      ],
    }),
    base,
    extensions,
  );
  expect(ids(profile)).toEqual([
    'Thing',
    'Thing.extension',
    'Thing.extension:flag',
    'Thing.extension:flag.url',
    'Thing.extension:flag.value[x]',
    'Thing.part',
    'Thing.part.kind',
    'Thing.status',
  ]);
  expect(profile.snapshot!.element[2]).toMatchObject({
    sliceName: 'flag',
    min: 1,
    short: 'A flag',
  });
  expect(profile.snapshot!.element[2]!.slicing).toBeUndefined();
  expect(profile.snapshot!.element[3]).toMatchObject({
    path: 'Thing.extension.url',
    fixedUri: extension.url,
  });
});

test('a backbone slice copies the children, which the differential can then constrain', () => {
  const profile = buildProfileSnapshot(
    sd('p', 'Thing', {
      element: [
        {
          id: 'Thing.part',
          path: 'Thing.part',
          slicing: { discriminator: [{ type: 'pattern', path: 'kind' }], rules: 'open' },
        },
        { id: 'Thing.part:a', path: 'Thing.part', sliceName: 'a' },
        { id: 'Thing.part:a.kind', path: 'Thing.part.kind', patternCode: 'a' },
      ],
    }),
    base,
  );
  expect(ids(profile)).toEqual([
    'Thing',
    'Thing.extension',
    'Thing.part',
    'Thing.part.kind',
    'Thing.part:a',
    'Thing.part:a.kind',
    'Thing.status',
  ]);
  expect(profile.snapshot!.element[5]).toMatchObject({ path: 'Thing.part.kind', patternCode: 'a' });
});

test('an element the base does not have, or a slice without slicing, is an error, never a guess', () => {
  const build = (id: string, sliceName?: string) => () =>
    buildProfileSnapshot(
      sd('p', 'Thing', {
        element: [{ id, path: id.split(':')[0]!, ...(sliceName && { sliceName }) }],
      }),
      base,
    );
  expect(build('Thing.status.coding')).toThrow('p: Thing.status.coding is not an element of Thing');
  expect(build('Thing.part:a', 'a')).toThrow(
    'p: Thing.part:a slices Thing.part, which declares no slicing',
  );
});
