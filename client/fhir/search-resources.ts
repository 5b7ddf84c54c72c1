import type { Bundle, FhirResource, Resource } from 'fhir/r4';
import type Client from 'fhirclient/lib/Client';
import { ChartsideError } from '../errors/chartside-error';
import { NO_REFRESH } from './no-refresh';

/** How much of a long history one launch reads: enough for a summary, bounded for the EHR. */
export interface SearchLimits {
  maxPages: number;
  maxResources: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = { maxPages: 3, maxResources: 200 };

/**
 * Runs a search and follows `next` links (FHIR R4 §3.1.1.5 http.html#paging) up to the limits.
 * A `next` link that leaves the FHIR server is not followed: fhirclient would send the access
 * token along with it.
 */
export async function searchResources<T extends FhirResource>(
  client: Client,
  resourceType: T['resourceType'],
  query: string,
  limits: SearchLimits = DEFAULT_SEARCH_LIMITS,
): Promise<T[]> {
  const isWanted = (resource: Resource | undefined): resource is T =>
    resource?.resourceType === resourceType;
  const found: T[] = [];
  let url: string | undefined = `${resourceType}?${query}`;
  for (let page = 0; url !== undefined && page < limits.maxPages; page += 1) {
    const bundle = await client.request<unknown>(url, NO_REFRESH);
    if (!isBundle(bundle)) {
      throw new ChartsideError(
        'FHIR_UNAVAILABLE',
        `A ${resourceType} search did not answer a Bundle`,
      );
    }
    // Included resources and OperationOutcome entries are not search matches.
    const matches = (bundle.entry ?? [])
      .filter((entry) => entry.search?.mode === undefined || entry.search.mode === 'match')
      .map((entry) => entry.resource)
      .filter(isWanted);
    found.push(...matches.slice(0, limits.maxResources - found.length));
    if (found.length >= limits.maxResources) break;
    url = sameServerUrl(bundle.link?.find((link) => link.relation === 'next')?.url, client);
  }
  return found;
}

function isBundle(body: unknown): body is Bundle {
  return (
    typeof body === 'object' && body !== null && Reflect.get(body, 'resourceType') === 'Bundle'
  );
}

function sameServerUrl(candidate: string | undefined, client: Client): string | undefined {
  if (candidate === undefined) return undefined;
  const base = new URL(client.state.serverUrl.replace(/\/*$/, '/'));
  const next = new URL(candidate, base);
  const basePath = base.pathname.replace(/\/$/, '');
  const onServer =
    next.origin === base.origin &&
    (next.pathname === basePath || next.pathname.startsWith(`${basePath}/`));
  return onServer ? next.href : undefined;
}
