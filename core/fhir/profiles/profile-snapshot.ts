import type { ElementDefinition, StructureDefinition } from 'fhir/r4';

type Element = ElementDefinition;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Differential keys that identify an element rather than constrain it. */
const IDENTITY = new Set(['id', 'path']);

function merge(base: Element, diff: Element): Element {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(diff)) {
    if (IDENTITY.has(key)) continue;
    // Constraints add up (a profile cannot relax its base's invariants); everything else replaces.
    merged[key] = key === 'constraint' ? [...(base.constraint ?? []), ...(value as [])] : value;
  }
  return merged as unknown as Element;
}

function rename(element: Element, fromId: string, toId: string, fromPath: string, toPath: string) {
  const copy = clone(element);
  copy.id = `${toId}${(element.id ?? '').slice(fromId.length)}`;
  copy.path = `${toPath}${element.path.slice(fromPath.length)}`;
  return copy;
}

/** Index just after `id`'s own children and earlier slices (where a new slice of it goes). */
function endOfSubtree(elements: Element[], index: number): number {
  const id = elements[index]?.id ?? '';
  let end = index + 1;
  while (elements[end]?.id?.startsWith(`${id}.`) || elements[end]?.id?.startsWith(`${id}:`)) end++;
  return end;
}

function sliceElements(
  profile: StructureDefinition,
  elements: Element[],
  diff: Element,
  extensions: ReadonlyMap<string, StructureDefinition>,
): { at: number; inserted: Element[] } {
  const id = diff.id ?? '';
  const slicedId = id.slice(0, id.lastIndexOf(':'));
  const index = elements.findIndex((e) => e.id === slicedId);
  const sliced = elements[index];
  if (!sliced) throw new Error(`${profile.id ?? ''}: ${id} slices unknown element ${slicedId}`);
  if (!sliced.slicing)
    throw new Error(`${profile.id ?? ''}: ${id} slices ${slicedId}, which declares no slicing`);
  const root = merge({ ...sliced, id, sliceName: diff.sliceName }, diff);
  delete root.slicing;
  const extensionUrl = diff.type?.[0]?.code === 'Extension' ? diff.type[0].profile?.[0] : undefined;
  let children: Element[];
  if (extensionUrl) {
    // Unfold the extension's own snapshot under the slice: its fixed `url` is what a validator
    // matches the `value:url` discriminator against.
    const extension = extensions.get(extensionUrl);
    if (!extension?.snapshot)
      throw new Error(`${profile.id ?? ''}: ${id} uses unknown extension ${extensionUrl}`);
    const [extRoot, ...rest] = extension.snapshot.element;
    if (!diff.short && extRoot?.short) root.short = extRoot.short;
    if (!diff.definition && extRoot?.definition) root.definition = extRoot.definition;
    children = rest.map((e) => rename(e, 'Extension', id, 'Extension', sliced.path));
  } else {
    children = elements
      .filter((e) => e.id?.startsWith(`${slicedId}.`))
      .map((e) => rename(e, slicedId, id, sliced.path, sliced.path));
  }
  return { at: endOfSubtree(elements, index), inserted: [root, ...children] };
}

/**
 * Generates a profile's snapshot (FHIR R4 profiling.html, differential and snapshot): each
 * differential element is merged onto the base snapshot's element with the same id; a new slice
 * copies the sliced element (and its children, or the unfolded extension definition) and goes
 * after that element's earlier slices; constraints are added to the base's. Differential elements must be in snapshot order and may
 * not dive into data types: anything the base snapshot lacks is an error, never a guess.
 */
export function buildProfileSnapshot(
  profile: StructureDefinition,
  base: StructureDefinition,
  extensions: ReadonlyMap<string, StructureDefinition> = new Map(),
): StructureDefinition {
  if (!base.snapshot) throw new Error(`${base.id ?? ''} has no snapshot`);
  const elements = clone(base.snapshot.element);
  for (const diff of profile.differential?.element ?? []) {
    const index = elements.findIndex((e) => e.id === diff.id);
    const found = elements[index];
    if (found) {
      elements[index] = merge(found, diff);
    } else if (diff.sliceName) {
      const { at, inserted } = sliceElements(profile, elements, diff, extensions);
      elements.splice(at, 0, ...inserted);
    } else {
      throw new Error(
        `${profile.id ?? ''}: ${diff.id ?? diff.path} is not an element of ${base.type}`,
      );
    }
  }
  const { differential, ...header } = profile;
  return { ...header, snapshot: { element: elements }, ...(differential && { differential }) };
}
