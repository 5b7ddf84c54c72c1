/** A FHIR interaction in SMART v2 scope letters: read and search (SMART App Launch 2.2 §3.0.2). */
export type Interaction = 'r' | 's';

export type ScopeLevel = 'patient' | 'user' | 'system';

const RESOURCE_SCOPE =
  /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(\*|read|write|[cruds]+)(\?.*)?$/;

/**
 * The broadest level at which `scopes` allow `interaction` on `resourceType`, or undefined.
 * Accepts v1 (`.read`, `.*`) and v2 (`.rs`) syntax, as an EHR would for mixed registrations.
 */
export function grantedLevel(
  scopes: readonly string[],
  resourceType: string,
  interaction: Interaction,
): ScopeLevel | undefined {
  const levels = new Set<ScopeLevel>();
  for (const scope of scopes) {
    const match = RESOURCE_SCOPE.exec(scope);
    if (!match) continue;
    const [, level, type, permissions] = match as unknown as [string, ScopeLevel, string, string];
    if (type !== '*' && type !== resourceType) continue;
    const allows =
      permissions === '*' ||
      permissions === 'read' ||
      (permissions !== 'write' && permissions.includes(interaction));
    if (allows) levels.add(level);
  }
  if (levels.has('system')) return 'system';
  if (levels.has('user')) return 'user';
  if (levels.has('patient')) return 'patient';
  return undefined;
}

/**
 * The scopes a token may act on. Backend Services tokens act only on their `system/` scopes;
 * launch tokens never do, whatever they carry, so a launch cannot escape its patient compartment.
 */
export function effectiveScopes(scope: string, backend: boolean): string[] {
  return scope.split(' ').filter((s) => s !== '' && s.startsWith('system/') === backend);
}

/**
 * Keeps the requested scopes the sandbox understands for an app launch; an EHR may grant fewer
 * than asked. `system/` scopes belong to Backend Services only and are never granted here.
 */
export function grantableScopes(requested: string): string[] {
  const known = new Set([
    'launch',
    'launch/patient',
    'launch/encounter',
    'openid',
    'fhirUser',
    'profile',
    'online_access',
    'offline_access',
  ]);
  return requested
    .split(/\s+/)
    .filter(
      (scope) =>
        scope !== '' &&
        (known.has(scope) || (RESOURCE_SCOPE.test(scope) && !scope.startsWith('system/'))),
    );
}
