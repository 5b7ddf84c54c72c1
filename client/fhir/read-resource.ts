import type { FhirResource } from 'fhir/r4';
import type Client from 'fhirclient/lib/Client';
import { ChartsideError } from '../errors/chartside-error';
import { NO_REFRESH } from './no-refresh';

/** Reads `{type}/{id}` (FHIR R4 §3.1.0.2 http.html#read) and checks the answer is that type. */
export async function readResource<T extends FhirResource>(
  client: Client,
  resourceType: T['resourceType'],
  id: string,
): Promise<T> {
  const body = await client.request<unknown>(
    `${resourceType}/${encodeURIComponent(id)}`,
    NO_REFRESH,
  );
  const isWanted = (value: unknown): value is T =>
    typeof value === 'object' &&
    value !== null &&
    Reflect.get(value, 'resourceType') === resourceType;
  if (!isWanted(body)) {
    throw new ChartsideError(
      'FHIR_UNAVAILABLE',
      `A ${resourceType} read did not answer a ${resourceType}`,
    );
  }
  return body;
}
