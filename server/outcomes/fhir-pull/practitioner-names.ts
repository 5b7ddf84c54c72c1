import type { HumanName, Practitioner } from 'fhir/r4';
import type { AppKeys } from '../../auth/app-keys';
import { BackendTokenClient, type BackendTenant } from './backend-token';
import { discard, fhirGet, type EhrHttp } from './http';

const FHIR_ID = /^[A-Za-z0-9.-]{1,64}$/;

/** "Amara Osei": the official name (else the first), given names then family, trimmed. */
export function displayName(names: readonly HumanName[] | undefined): string | undefined {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) return undefined;
  const text = [...(name.given ?? []), name.family ?? '']
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
  return text || name.text?.trim() || undefined;
}

/**
 * The credited clinicians' names from their Practitioner resources, so the CME office reads
 * names rather than ids. Optional by design: an EHR that does not grant `system/Practitioner.rs`
 * (403), or any other failure, leaves that clinician unnamed and the job goes on.
 */
export async function readPractitionerNames(input: {
  tenant: BackendTenant;
  keys: AppKeys;
  practitionerIds: Iterable<string>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): Promise<Map<string, string>> {
  const http: EhrHttp = { fetch: input.fetch ?? fetch, timeoutMs: input.timeoutMs ?? 10_000 };
  const tokens = new BackendTokenClient(input.keys, http);
  const names = new Map<string, string>();
  let token: string;
  try {
    token = await tokens.accessToken(input.tenant);
  } catch {
    return names; // The population pull reports a refused token; names are not worth a second.
  }
  for (const id of new Set(input.practitionerIds)) {
    if (!FHIR_ID.test(id)) continue;
    try {
      const response = await fhirGet(http, new URL(`${input.tenant.iss}/Practitioner/${id}`), {
        accept: 'application/fhir+json',
        authorization: `Bearer ${token}`,
      });
      if (!response.ok) {
        discard(response);
        continue;
      }
      const resource = (await response.json()) as Partial<Practitioner>;
      const name =
        resource.resourceType === 'Practitioner' && resource.id === id
          ? displayName(resource.name)
          : undefined;
      if (name !== undefined) names.set(id, name);
    } catch {
      // A name is a nicety: the comparison stands without it.
    }
  }
  return names;
}
