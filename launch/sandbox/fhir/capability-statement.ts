import type { CapabilityStatement, CapabilityStatementRestResource } from 'fhir/r4';

type ResourceType = CapabilityStatementRestResource['type'];
const SEARCHABLE: ResourceType[] = [
  'Patient',
  'Encounter',
  'Condition',
  'Observation',
  'MedicationRequest',
];
const READABLE: ResourceType[] = [
  ...SEARCHABLE,
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Location',
];

/** What the sandbox FHIR server supports (FHIR R4 CapabilityStatement; SMART 2.2 §2.0.1). */
export function buildCapabilityStatement(fhirBaseUrl: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-26',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
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
        })),
      },
    ],
  };
}
