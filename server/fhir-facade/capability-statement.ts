import type { CapabilityStatement } from 'fhir/r4';

/** What the ledger façade supports (FHIR R4 CapabilityStatement, read and search only). */
export function facadeCapabilityStatement(
  base: string,
  search: Record<string, Record<string, unknown>>,
): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-26',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    software: { name: 'Chartside credit ledger' },
    implementation: { description: 'Read-only FHIR façade of the CME credit ledger', url: base },
    rest: [
      {
        mode: 'server',
        documentation:
          'Requires a Chartside session token (Bearer); each learner sees their own records.',
        resource: (['Basic', 'QuestionnaireResponse', 'Provenance'] as const).map((type) => ({
          type,
          interaction: [{ code: 'read' as const }, { code: 'search-type' as const }],
          searchParam: ['_id', ...Object.keys(search[type] ?? {})].map((name) => ({
            name,
            type: name === '_id' ? ('token' as const) : ('reference' as const),
          })),
        })),
      },
    ],
  };
}
