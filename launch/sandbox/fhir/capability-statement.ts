import type { CapabilityStatement, CapabilityStatementRestResource } from 'fhir/r4';

type ResourceType = CapabilityStatementRestResource['type'];
const SEARCHABLE: ResourceType[] = [
  'Patient',
  'Encounter',
  'Condition',
  'Observation',
  'MedicationRequest',
  'MedicationAdministration',
  // Bulk Data Access IG 2.0.0: a server with Group-level export SHOULD read and search Group.
  'Group',
];
const READABLE: ResourceType[] = [
  ...SEARCHABLE,
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Location',
];

/** Bulk Data Access IG 2.0.0 OperationDefinitions of the three $export endpoints. */
const BULK_DATA = 'http://hl7.org/fhir/uv/bulkdata';
const exportOperation = (definition: string): { name: string; definition: string } => ({
  name: 'export',
  definition: `${BULK_DATA}/OperationDefinition/${definition}`,
});

/** What the sandbox FHIR server supports (FHIR R4 CapabilityStatement; SMART 2.2 §2.0.1). */
export function buildCapabilityStatement(fhirBaseUrl: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-26',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    instantiates: [`${BULK_DATA}/CapabilityStatement/bulk-data`],
    software: { name: 'Chartside sandbox EHR' },
    implementation: { description: 'Local SMART on FHIR sandbox', url: fhirBaseUrl },
    rest: [
      {
        mode: 'server',
        security: {
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                },
              ],
            },
          ],
        },
        resource: READABLE.map((type) => ({
          type,
          interaction: [
            { code: 'read' as const },
            { code: 'vread' as const },
            ...(SEARCHABLE.includes(type) ? [{ code: 'search-type' as const }] : []),
          ],
          ...(type === 'Patient' && { operation: [exportOperation('patient-export')] }),
          ...(type === 'Group' && { operation: [exportOperation('group-export')] }),
        })),
        operation: [exportOperation('export')],
      },
    ],
  };
}
