/** A SMART resource scope, v1 (`patient/Observation.read`) or v2 (`patient/Observation.rs`). */
interface ResourceScope {
  context: string;
  type: string;
  /** v2 letters (`cruds` subset), with v1 `read` as `rs`, `write` as `cud` and `*` as `cruds`. */
  permissions: Set<string>;
}

const V1 = /^(patient|user|system)\/(\*|[A-Za-z]+)\.(read|write|\*)$/;
const V2 = /^(patient|user|system)\/(\*|[A-Za-z]+)\.(c?r?u?d?s?)(\?.*)?$/;
const V1_PERMISSIONS: Record<string, string> = { read: 'rs', write: 'cud', '*': 'cruds' };

function parseResourceScope(scope: string): ResourceScope | undefined {
  const v1 = V1.exec(scope);
  if (v1) {
    const [, context = '', type = '', permission = ''] = v1;
    return { context, type, permissions: new Set(V1_PERMISSIONS[permission] ?? '') };
  }
  const v2 = V2.exec(scope);
  if (v2?.[3]) {
    const [, context = '', type = '', permissions = ''] = v2;
    return { context, type, permissions: new Set(permissions) };
  }
  return undefined;
}

function covers(supported: ResourceScope, wanted: ResourceScope): boolean {
  return (
    supported.context === wanted.context &&
    (supported.type === '*' || supported.type === wanted.type) &&
    [...wanted.permissions].every((p) => supported.permissions.has(p))
  );
}

/** True when the scope string uses SMART v2 permission letters (`.rs`, `.cruds`, …). */
export function usesV2Scopes(scope: string): boolean {
  return scope.split(/\s+/).some((s) => !V1.test(s) && parseResourceScope(s) !== undefined);
}

/**
 * The requested scopes the EHR's `scopes_supported` does not offer (SMART App Launch 2.2
 * §3.0.2 / §2.0.4). Wildcards and wider permissions count (`patient/*.rs` offers
 * `patient/Observation.rs`; v1 `read` is v2 `rs`); v2 query parameters are not compared.
 */
export function unsupportedScopes(requested: string, scopesSupported: string[]): string[] {
  const supported = new Set(scopesSupported);
  const supportedResources = scopesSupported
    .map(parseResourceScope)
    .filter((s): s is ResourceScope => s !== undefined);
  return requested
    .split(/\s+/)
    .filter(Boolean)
    .filter((scope) => {
      if (supported.has(scope)) return false;
      const wanted = parseResourceScope(scope);
      return wanted === undefined || !supportedResources.some((s) => covers(s, wanted));
    });
}
