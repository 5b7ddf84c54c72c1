/** How the population reader talks to an EHR: the fetch to use and the per-request timeout. */
export interface EhrHttp {
  fetch: typeof fetch;
  timeoutMs: number;
}

/**
 * A GET to the tenant's FHIR server with the bearer token; redirects are not followed (a 3xx
 * comes back as is), so the token never reaches a URL nobody checked.
 */
export function fhirGet(
  http: EhrHttp,
  url: URL,
  headers: Record<string, string>,
): Promise<Response> {
  return http.fetch(url, {
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(http.timeoutMs),
  });
}

/**
 * Frees the connection of a response whose body we do not read. Not awaited: the body's
 * stream may settle late, and nothing depends on it.
 */
export function discard(response: Response): void {
  void response.body?.cancel().catch(() => undefined);
}
