import { z } from 'zod';
import { AppError } from '../../http/app-error';
import { fhirGet, type EhrHttp } from './http';

const capabilityStatementSchema = z.looseObject({
  resourceType: z.literal('CapabilityStatement'),
  rest: z
    .array(
      z.looseObject({
        mode: z.string(),
        resource: z
          .array(
            z.looseObject({
              type: z.string(),
              interaction: z.array(z.looseObject({ code: z.string() })).optional(),
            }),
          )
          .optional(),
        operation: z
          .array(z.looseObject({ name: z.string(), definition: z.string().optional() }))
          .optional(),
      }),
    )
    .optional(),
});

export interface FhirCapabilities {
  /** A system-level `$export` (FHIR Bulk Data Access 2.0.0 §Endpoint - All Patients / system). */
  systemExport: boolean;
  /** Resource types the server lists at all. */
  types: ReadonlySet<string>;
  /** Resource types with the `search-type` interaction. */
  searchable: ReadonlySet<string>;
}

/** What the EHR says it supports, from `GET {iss}/metadata` (FHIR R4 §3.1.0 CapabilityStatement). */
export async function readCapabilities(http: EhrHttp, iss: string): Promise<FhirCapabilities> {
  let body: unknown;
  try {
    const response = await fhirGet(http, new URL(`${iss}/metadata`), {
      accept: 'application/fhir+json',
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch {
    throw new AppError('EHR_UNREACHABLE', 502, 'The EHR’s CapabilityStatement could not be read');
  }
  const parsed = capabilityStatementSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError(
      'EHR_MISCONFIGURED',
      502,
      'The EHR’s /metadata is not a CapabilityStatement',
    );
  }
  const server = (parsed.data.rest ?? []).filter((rest) => rest.mode === 'server');
  const resources = server.flatMap((rest) => rest.resource ?? []);
  return {
    systemExport: server.some((rest) =>
      (rest.operation ?? []).some(
        (operation) =>
          operation.name === 'export' ||
          /\/OperationDefinition\/export(\|.*)?$/.test(operation.definition ?? ''),
      ),
    ),
    types: new Set(resources.map((resource) => resource.type)),
    searchable: new Set(
      resources
        .filter((resource) => resource.interaction?.some((i) => i.code === 'search-type'))
        .map((resource) => resource.type),
    ),
  };
}
