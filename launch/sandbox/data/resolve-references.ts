import type { Identifier, Resource } from 'fhir/r4';

/** References that do not lead to a loaded resource, left as they were in the source. */
export interface UnresolvedReferences {
  count: number;
  /** Keyed by the referenced resource type, or `(unknown)` for a `urn:` that no entry declared. */
  byTargetType: Record<string, number>;
  /** Up to 20 distinct examples, for a startup log line. */
  examples: string[];
}

export interface ReferenceResolution {
  rewritten: number;
  unresolved: UnresolvedReferences;
}

const RELATIVE_REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;
const REFERENCE_KEYS = new Set(['reference', 'type', 'identifier', 'display', 'extension', 'id']);
const MAX_EXAMPLES = 20;

/**
 * Rewrites every Reference in `resources` (in place, at any depth) to `Type/id`
 * (FHIR R4 §2.1.0.3 bundle resolution, §3.1.0.4.3 conditional references):
 * `urn:uuid:` and other fullUrls through `fullUrls`, `Type?identifier=system|value` through an
 * identifier index of all resources, and logical references (identifier only) when the identifier
 * names exactly one resource.
 */
export function resolveReferences(
  resources: readonly Resource[],
  fullUrls: ReadonlyMap<string, string>,
): ReferenceResolution {
  const known = new Set(resources.map((r) => `${r.resourceType}/${r.id ?? ''}`));
  const identifiers = indexIdentifiers(resources);
  const result: ReferenceResolution = {
    rewritten: 0,
    unresolved: { count: 0, byTargetType: {}, examples: [] },
  };
  const unresolved = (reference: string, targetType: string): void => {
    const u = result.unresolved;
    u.count += 1;
    u.byTargetType[targetType] = (u.byTargetType[targetType] ?? 0) + 1;
    if (u.examples.length < MAX_EXAMPLES && !u.examples.includes(reference)) {
      u.examples.push(reference);
    }
  };

  const visit = (ref: Record<string, unknown>): void => {
    const reference = ref.reference;
    if (typeof reference !== 'string') {
      const target = resolveLogical(ref, identifiers);
      if (target) {
        ref.reference = target;
        result.rewritten += 1;
      }
      return;
    }
    if (reference.startsWith('#')) return; // contained resource
    const relative = RELATIVE_REFERENCE.exec(reference);
    if (relative) {
      if (!known.has(`${relative[1] ?? ''}/${relative[2] ?? ''}`)) {
        unresolved(reference, relative[1] ?? '(unknown)');
      }
      return;
    }
    const target = fullUrls.get(reference) ?? resolveConditional(reference, identifiers);
    if (target) {
      ref.reference = target;
      result.rewritten += 1;
    } else if (reference.startsWith('urn:')) {
      unresolved(reference, '(unknown)');
    } else if (reference.includes('?')) {
      unresolved(reference, reference.slice(0, reference.indexOf('?')));
    }
    // Anything else is an absolute URL to another server: a valid reference we leave alone.
  };
  for (const resource of resources) walkReferences(resource, visit);
  return result;
}

/** Keys: `Type?system|value`, `Type?value` (any system) and `*?system|value` (any type). */
function indexIdentifiers(resources: readonly Resource[]): Map<string, string | null> {
  const index = new Map<string, string | null>();
  const add = (key: string, target: string): void => {
    const existing = index.get(key);
    if (existing === undefined) index.set(key, target);
    else if (existing !== target) index.set(key, null); // ambiguous: never guess
  };
  for (const resource of resources) {
    const list = (resource as { identifier?: Identifier | Identifier[] }).identifier;
    const target = `${resource.resourceType}/${resource.id ?? ''}`;
    for (const identifier of Array.isArray(list) ? list : list ? [list] : []) {
      if (!identifier.value) continue;
      const system = identifier.system ?? '';
      add(`${resource.resourceType}?${system}|${identifier.value}`, target);
      add(`${resource.resourceType}?${identifier.value}`, target);
      add(`*?${system}|${identifier.value}`, target);
    }
  }
  return index;
}

function resolveConditional(
  reference: string,
  identifiers: ReadonlyMap<string, string | null>,
): string | undefined {
  const match = /^([A-Z][A-Za-z]+)\?identifier=([^&]+)$/.exec(reference);
  if (!match) return undefined;
  let token: string;
  try {
    token = decodeURIComponent(match[2] ?? '');
  } catch {
    return undefined;
  }
  return identifiers.get(`${match[1] ?? ''}?${token}`) ?? undefined;
}

function resolveLogical(
  ref: Record<string, unknown>,
  identifiers: ReadonlyMap<string, string | null>,
): string | undefined {
  const identifier = ref.identifier as Identifier | undefined;
  if (!identifier?.value || !Object.keys(ref).every((key) => REFERENCE_KEYS.has(key))) {
    return undefined;
  }
  const type = typeof ref.type === 'string' ? ref.type : '*';
  return identifiers.get(`${type}?${identifier.system ?? ''}|${identifier.value}`) ?? undefined;
}

/** Calls `visit` on every object that looks like a Reference: a `reference` string or a lone `identifier`. */
function walkReferences(node: unknown, visit: (ref: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walkReferences(item, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  const isReference =
    typeof obj.reference === 'string' ||
    (obj.resourceType === undefined &&
      typeof obj.identifier === 'object' &&
      obj.identifier !== null &&
      !Array.isArray(obj.identifier));
  if (isReference) visit(obj);
  for (const key in obj) {
    const value = obj[key];
    if (typeof value === 'object' && value !== null) {
      walkReferences(value, visit);
    }
  }
}
