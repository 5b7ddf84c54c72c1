import type { CapabilityStatement, CapabilityStatementRestResource } from 'fhir/r4';
import { PROFILE } from '../../core/fhir/canonical';
import { CONTENT_SEARCH } from './case-content-routes';

const LEDGER_PROFILES: Record<string, string> = {
  Basic: PROFILE.creditAward,
  QuestionnaireResponse: PROFILE.completion,
  Provenance: PROFILE.creditProvenance,
};

const CONTENT: CapabilityStatementRestResource[] = (
  [
    ['Questionnaire', PROFILE.caseQuestionnaire],
    ['PlanDefinition', PROFILE.casePlanDefinition],
  ] as const
).map(([type, profile]) => ({
  type,
  supportedProfile: [profile],
  documentation: 'Public: the micro-case library, generated from cases/*.json.',
  interaction: [{ code: 'read' }, { code: 'search-type' }],
  searchParam: Object.entries(CONTENT_SEARCH).map(([name, kind]) => ({ name, type: kind })),
}));

/** What the façade supports (FHIR R4 CapabilityStatement, read and search only). */
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
          'Basic, QuestionnaireResponse and Provenance require a Chartside session token (Bearer); each learner sees their own records. Questionnaire and PlanDefinition are public content.',
        resource: [
          ...(['Basic', 'QuestionnaireResponse', 'Provenance'] as const).map((type) => ({
            type,
            supportedProfile: [LEDGER_PROFILES[type] ?? ''],
            interaction: [{ code: 'read' as const }, { code: 'search-type' as const }],
            searchParam: ['_id', ...Object.keys(search[type] ?? {})].map((name) => ({
              name,
              type: name === '_id' ? ('token' as const) : ('reference' as const),
            })),
          })),
          ...CONTENT,
        ],
      },
    ],
  };
}
