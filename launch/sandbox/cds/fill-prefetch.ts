/** The hook context a prefetch template may name (CDS Hooks 2.0.1 §Prefetch tokens). */
export type HookContext = Readonly<Record<string, string | undefined>>;

/** What a FHIR query against the sandbox's own data returned. */
export type FhirQueryResult =
  { status: 'ok'; resource: unknown } | { status: 'not-found' } | { status: 'failed' };

export type FhirQuery = (relativeUrl: string) => Promise<FhirQueryResult>;

const TOKEN = /\{\{\s*([^{}]+?)\s*\}\}/g;
const USER_TOKENS: Record<string, string> = {
  userPractitionerId: 'Practitioner',
  userPractitionerRoleId: 'PractitionerRole',
  userPatientId: 'Patient',
  userRelatedPersonId: 'RelatedPerson',
};

/** The value of one prefetch token in this context, or undefined when it has none. */
function tokenValue(token: string, context: HookContext): string | undefined {
  if (token.startsWith('context.')) return context[token.slice('context.'.length)];
  const type = USER_TOKENS[token];
  const [userType, userId] = (context.userId ?? '').split('/');
  return type !== undefined && userType === type && userId ? userId : undefined;
}

/**
 * A prefetch template with its tokens replaced (CDS Hooks 2.0.1 §Prefetch tokens), or undefined
 * when a token has no value here: the client then leaves that key out.
 */
export function resolvePrefetchTemplate(
  template: string,
  context: HookContext,
): string | undefined {
  const values = new Map<string, string | undefined>();
  for (const [, token] of template.matchAll(TOKEN)) {
    if (token !== undefined) values.set(token, tokenValue(token, context));
  }
  if ([...values.values()].some((value) => value === undefined || value === '')) return undefined;
  const query = template.replace(TOKEN, (_match, token: string) =>
    encodeURIComponent(values.get(token) ?? ''),
  );
  // Only relative queries against this FHIR server; anything else is not the client's to fetch.
  const relative = /^[A-Z][A-Za-z]*(\/|\?|$)/.test(query) && !query.includes('..');
  return relative ? query : undefined;
}

/**
 * Fills a service's prefetch (CDS Hooks 2.0.1 §Providing FHIR Resources to a CDS Service): each
 * template resolved and queried; a read that finds nothing is `null`; a template with no value
 * for a token, or a query that fails, is left out so the service fetches it itself.
 */
export async function fillPrefetch(
  templates: Readonly<Record<string, string>>,
  context: HookContext,
  query: FhirQuery,
): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    Object.entries(templates).map(async ([key, template]) => {
      const resolved = resolvePrefetchTemplate(template, context);
      if (resolved === undefined) return undefined;
      const result = await query(resolved).catch((): FhirQueryResult => ({ status: 'failed' }));
      switch (result.status) {
        case 'ok':
          return [key, result.resource] as const;
        case 'not-found':
          return [key, null] as const;
        case 'failed':
          return undefined;
      }
    }),
  );
  return Object.fromEntries(entries.filter((entry) => entry !== undefined));
}

/** Queries the sandbox's own FHIR API over HTTP with a bearer token, as any FHIR client does. */
export function fhirQueryOverHttp(options: {
  fhirBaseUrl: string;
  accessToken: string;
  signal: AbortSignal;
}): FhirQuery {
  return async (relativeUrl) => {
    const response = await fetch(`${options.fhirBaseUrl}/${relativeUrl}`, {
      headers: {
        Accept: 'application/fhir+json',
        Authorization: `Bearer ${options.accessToken}`,
      },
      signal: options.signal,
    });
    if (response.status === 404 || response.status === 410) return { status: 'not-found' };
    if (!response.ok) return { status: 'failed' };
    return { status: 'ok', resource: await response.json() };
  };
}
