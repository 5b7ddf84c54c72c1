import type { RegistrationField, RegistrationSheet } from '../../core/wire/admin';
import type { Tenant } from '../tenants/tenant-store';
import { usesV2Scopes } from './smart-scopes';

export const APP_DESCRIPTION =
  'Chartside offers a 5–10 minute guideline micro-case that fits the patient in the chart, ' +
  'and records continuing-education credit (AMA PRA Category 1, internet point-of-care) tied ' +
  'to the encounter that prompted it. Read-only access; no patient data leaves the health system.';

/** Resource types and interactions a scope string asks for, as Epic's "Incoming APIs" list them. */
function incomingApis(scope: string): string {
  const apis = new Set<string>();
  for (const s of scope.split(/\s+/)) {
    const match = /^(?:patient|user)\/([A-Za-z]+)\.(\w+)/.exec(s);
    if (!match) continue;
    const [, type = '', permissions = ''] = match;
    if (permissions === 'read' || permissions.includes('r')) apis.add(`${type}.Read (R4)`);
    if (permissions === 'read' || permissions.includes('s')) apis.add(`${type}.Search (R4)`);
  }
  return [...apis].join(', ');
}

/**
 * What an EHR integration analyst pastes into the vendor's registration portal for this
 * tenant: common SMART App Launch 2.2 registration data plus each vendor's own questions.
 */
export function registrationSheet(tenant: Tenant, publicUrl: string): RegistrationSheet {
  const smartVersion = usesV2Scopes(tenant.scope) ? 'SMART v2' : 'SMART v1';
  const field = (id: string, label: string, value: string, note?: string): RegistrationField => ({
    id,
    label,
    value,
    ...(note !== undefined && { note }),
  });
  const common = [
    field('appName', 'Application name', 'Chartside'),
    field('description', 'Description', APP_DESCRIPTION),
    field('launchUrl', 'Launch URL (EHR launch)', `${publicUrl}/launch`),
    field('redirectUrl', 'Redirect URL', `${publicUrl}/app/`),
    field('scopes', 'Scopes', tenant.scope, `${smartVersion} syntax`),
    field('jwksUrl', 'JWKS URL', `${publicUrl}/.well-known/jwks.json`),
    field('cdsDiscoveryUrl', 'CDS Hooks discovery URL', `${publicUrl}/cds-services`),
    field('logoUrl', 'Logo', `${publicUrl}/logo.svg`),
    field('clientType', 'Client type', 'Public client, PKCE S256 (no client secret)'),
    field('fhirVersion', 'FHIR version', 'R4'),
  ];
  // A second, confidential client for the outcomes job (SMART Backend Services), when used.
  const backend = tenant.backendServices
    ? [
        field(
          'backendClient',
          'Backend Services client (outcomes)',
          tenant.backendServices.clientId,
          'A separate system-level client: client_credentials grant, private_key_jwt client authentication',
        ),
        field(
          'backendSigning',
          'Backend Services signing',
          `${tenant.backendServices.algorithm}, keys at ${publicUrl}/.well-known/jwks.json`,
        ),
        field(
          'backendScopes',
          'Backend Services scopes',
          tenant.backendServices.scope,
          'Read and search only; system/Practitioner.rs only names clinicians in the CME office’s reports and may be left out',
        ),
      ]
    : [];
  const ids = tenant.clientIds ?? {};
  const vendorFields: Record<Tenant['vendor'], RegistrationField[]> = {
    epic: [
      field('audience', 'Application audience', 'Clinicians or Administrative Users'),
      field('smartVersion', 'SMART scope version', smartVersion),
      field('confidential', 'Is confidential client', 'No'),
      field('incomingApis', 'Incoming APIs', incomingApis(tenant.scope)),
      field('nonProductionClientId', 'Non-production client ID', ids['non-production'] ?? ''),
      field('productionClientId', 'Production client ID', ids.production ?? ''),
    ],
    oracle: [
      field('applicationType', 'Application type', 'Provider'),
      field('privacy', 'Application privacy', 'Public'),
      field('launchType', 'SMART launch type', 'Provider (EHR launch)'),
      field('smartVersion', 'SMART version', smartVersion),
      field('cdsHooks', 'CDS Hooks', 'patient-view', 'Oracle Health calls patient-view only'),
    ],
    meditech: [
      field('launchType', 'Launch type', 'EHR launch (provider-facing)'),
      field('smartVersion', 'SMART version', smartVersion),
    ],
    'smart-sandbox': [field('note', 'Registration', 'Registered automatically by npm start')],
    other: [field('smartVersion', 'SMART version', smartVersion)],
  };
  return {
    tenantId: tenant.id,
    vendor: tenant.vendor,
    title: TITLES[tenant.vendor],
    fields: [...common, ...vendorFields[tenant.vendor], ...backend],
    steps: STEPS[tenant.vendor],
  };
}

const TITLES: Record<Tenant['vendor'], string> = {
  epic: 'Epic (Vendor Services / open.epic app registration)',
  oracle: 'Oracle Health (Cerner Code Console)',
  meditech: 'MEDITECH Expanse',
  'smart-sandbox': 'Chartside sandbox EHR',
  other: 'SMART on FHIR EHR',
};

const STEPS: Record<Tenant['vendor'], string[]> = {
  epic: [
    'Create a patient-context, clinician-facing app with the fields below; Epic issues a non-production and a production client ID.',
    'Choose the SMART scope version that matches the scope string (the registration setting and the scopes must agree).',
    'Enter both client IDs on the tenant (clientIds), then run a test launch.',
    'Ask your Epic analysts to add the launch URL as an activity or sidebar app, and the CDS Hooks discovery URL for cards.',
  ],
  oracle: [
    'Register a provider app in Code Console with the fields below; Oracle Health requires https on port 443.',
    'Oracle Health does not pass appContext from cards: Chartside cards carry an absolute link as well.',
    'Enter the issued client ID on the tenant, then run a test launch.',
  ],
  meditech: [
    'Send the fields below to your MEDITECH representative for the Expanse app registration.',
    'Enter the issued client ID on the tenant, then run a test launch.',
  ],
  'smart-sandbox': ['Nothing to do: npm start registers the sandbox EHR.'],
  other: [
    'Register a public SMART on FHIR app (EHR launch, PKCE S256) with the fields below.',
    'Enter the issued client ID on the tenant, then run a test launch.',
  ],
};
