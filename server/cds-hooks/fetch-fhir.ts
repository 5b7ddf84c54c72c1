import type { Bundle, Resource } from 'fhir/r4';
import { CdsPrefetchError } from './prefetch-error';

const TIMEOUT_MS = 3000;
const MAX_PAGES = 3;

/** The resource type a URL reads, the only part of it fit for an error or a log line. */
function typeOf(url: string): string {
  return /([A-Z][A-Za-z]+)(?:[/?]|$)/.exec(url)?.[1] ?? 'FHIR';
}

async function getJson(url: string, token: string): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new CdsPrefetchError([typeOf(url)]);
  }
  const body: unknown = response.ok ? await response.json() : await response.arrayBuffer();
  return { status: response.status, body };
}

/** Only links under the FHIR base are followed: the access token must not leave that server. */
function onServer(base: string, candidate: string): string | undefined {
  const root = new URL(base.replace(/\/*$/, '/'));
  const next = new URL(candidate, root);
  const path = root.pathname.replace(/\/$/, '');
  const inside =
    next.origin === root.origin && (next.pathname === path || next.pathname.startsWith(`${path}/`));
  return inside ? next.href : undefined;
}

/**
 * A FHIR read with the EHR's token for this hook call (CDS Hooks 2.0.1 §FHIR Resource Access);
 * 404 is "no such resource", any other failure means the data cannot be had (412).
 */
export async function fetchFhirRead(
  base: string,
  relative: string,
  token: string,
): Promise<Resource | undefined> {
  const url = onServer(base, relative);
  if (url === undefined) throw new CdsPrefetchError([typeOf(relative)]);
  const { status, body } = await getJson(url, token);
  if (status === 404) return undefined;
  if (status !== 200) throw new CdsPrefetchError([typeOf(relative)]);
  return body as Resource;
}

/** A FHIR search, following `next` links on the same server (FHIR R4 §3.1.1.5 paging). */
export async function fetchFhirSearch(
  base: string,
  relative: string,
  token: string,
): Promise<Resource[]> {
  const found: Resource[] = [];
  let url = onServer(base, relative);
  for (let page = 0; url !== undefined && page < MAX_PAGES; page += 1) {
    const { status, body } = await getJson(url, token);
    const bundle = body as Partial<Bundle>;
    if (status !== 200 || bundle.resourceType !== 'Bundle')
      throw new CdsPrefetchError([typeOf(url)]);
    for (const entry of bundle.entry ?? []) {
      const mode = entry.search?.mode;
      if (entry.resource && (mode === undefined || mode === 'match')) found.push(entry.resource);
    }
    const next = bundle.link?.find((link) => link.relation === 'next')?.url;
    url = next === undefined ? undefined : onServer(base, next);
  }
  return found;
}
