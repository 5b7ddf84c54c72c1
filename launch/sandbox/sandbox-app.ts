import { FhirRouter, type MemoryRepository } from '@medplum/fhir-router';
import express, { type Express, type RequestHandler } from 'express';
import type { Patient, Practitioner, Resource } from 'fhir/r4';
import { AuthorizationState } from './auth/authorization-state';
import { authorizeRoute } from './auth/authorize-route';
import { ClientAssertionVerifier } from './auth/client-assertion';
import { createCheckedLaunch, launchApiRoute } from './auth/launch-api-route';
import { loadOrCreateSigningKey } from './auth/signing-key';
import {
  openIdConfiguration,
  sandboxUrls,
  smartConfiguration,
  type SandboxUrls,
} from './auth/smart-configuration';
import { tokenRoute } from './auth/token-route';
import { CdsClient } from './cds/cds-client';
import { CDS_CLIENT_JWKS_PATH, loadOrCreateCdsClientKey } from './cds/cds-client-key';
import { ChartSuggestions } from './cds/chart-suggestions';
import { appLaunchSrc, chartRoutes, type ChartPatient } from './chart/chart-routes';
import {
  loadFhirDirectoryWithSummary,
  type FhirDirectorySummary,
} from './data/load-fhir-directory';
import { indexFhirDefinitions } from './fhir/fhir-definitions';
import { fhirRoutes } from './fhir/fhir-routes';
import { generatePanel, type PanelSummary } from './panel/generate-panel';
import { PatientIndexedRepository } from './fhir/patient-indexed-repository';
import { buildPersonas, buildStaff } from './personas';
import type { SandboxConfig } from './sandbox-config';

export interface Sandbox {
  app: Express;
  urls: SandboxUrls;
  repo: MemoryRepository;
  state: AuthorizationState;
  patients: ChartPatient[];
  practitioners: Practitioner[];
  /** What SANDBOX_DATA contributed, when set. */
  dataSummary?: FhirDirectorySummary;
  /** The generated patient panel (SANDBOX_PANEL_SIZE per clinician); not in `patients`. */
  panelSummary: PanelSummary;
}

/** Builds the sandbox EHR: FHIR R4 server, SMART auth server, chart UI and CDS Hooks client. */
export async function createSandbox(config: SandboxConfig): Promise<Sandbox> {
  indexFhirDefinitions();
  const urls = sandboxUrls(config.publicUrl);
  const appOrigin = new URL(config.appPublicUrl).origin;
  const repo = new PatientIndexedRepository();
  const staff = buildStaff();
  const now = new Date();
  const personas = buildPersonas(now);
  const seed: Resource[] = [staff.organization, ...staff.practitioners, ...staff.roles];
  for (const persona of personas) {
    for (const entry of persona.bundle.entry ?? []) if (entry.resource) seed.push(entry.resource);
  }
  const patients: ChartPatient[] = personas.map(({ id, name, summary, encounterId, topic }) => ({
    id,
    name,
    summary,
    encounterId,
    topic,
  }));
  // Generated after the personas, with the same `now`; listed by count only, not by name.
  const panel = generatePanel({
    now,
    seed: config.panelSeed,
    patientsPerClinician: config.panelSize,
  });
  seed.push(...panel.resources);
  let dataSummary: FhirDirectorySummary | undefined;
  if (config.extraDataDir !== undefined) {
    const { resources: loaded, summary } = await loadFhirDirectoryWithSummary(config.extraDataDir);
    dataSummary = summary;
    seed.push(...loaded);
    patients.push(...loaded.filter((r) => r.resourceType === 'Patient').map(listedPatient));
  }
  for (const resource of seed) {
    await repo.createResource(resource as Parameters<MemoryRepository['createResource']>[0]);
  }

  const signingKey = await loadOrCreateSigningKey(config.dataDir, 'sandbox-ehr-signing-key');
  const cdsClientKey = await loadOrCreateCdsClientKey(config.dataDir);
  const state = new AuthorizationState();
  const practitioners = staff.practitioners;
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(appOrigin));
  app.get('/favicon.ico', (_req, res) => res.status(204).end());
  app.use(['/fhir', '/auth/token', '/auth/jwks', '/auth/.well-known', CDS_CLIENT_JWKS_PATH], cors);
  app.get('/fhir/.well-known/smart-configuration', (_req, res) =>
    res.json(smartConfiguration(urls)),
  );
  app.post('/fhir/_services/smart/Launch', express.json(), launchApiRoute({ state, repo }));
  app.use(
    '/fhir',
    fhirRoutes({
      repo,
      router: new FhirRouter(),
      fhirBaseUrl: urls.fhirBaseUrl,
      signingKey,
      bulkExport: { delayMs: config.exportDelayMs, fileLimit: config.exportFileLimit },
    }),
  );
  app.get('/auth/.well-known/openid-configuration', (_req, res) =>
    res.json(openIdConfiguration(urls)),
  );
  app.get('/auth/jwks', (_req, res) => res.json({ keys: [signingKey.publicJwk] }));
  app.get(CDS_CLIENT_JWKS_PATH, (_req, res) => res.json({ keys: [cdsClientKey.publicJwk] }));
  const authorize = authorizeRoute({
    state,
    urls,
    clients: [{ clientId: config.clientId, redirectUris: [`${config.appPublicUrl}/app/`] }],
    practitioners: () => practitioners.map((p) => ({ id: p.id ?? '', label: displayName(p) })),
    patients: () => patients.map((p) => ({ id: p.id, label: `${p.name} — ${p.summary}` })),
    ehrName: config.name,
  });
  app.get('/auth/authorize', authorize);
  app.post('/auth/authorize', express.urlencoded({ extended: false }), authorize);
  app.post(
    '/auth/token',
    express.urlencoded({ extended: false }),
    tokenRoute({
      state,
      signingKey,
      urls,
      accessTokenTtlSeconds: config.accessTokenTtlSeconds,
      tenant: 'sandbox',
      clientAssertions: new ClientAssertionVerifier({
        clients: config.backendClients,
        tokenUrl: `${urls.oidcIssuer}/token`,
      }),
    }),
  );
  app.use(
    chartRoutes({
      repo,
      patients,
      practitioners,
      fhirBaseUrl: urls.fhirBaseUrl,
      appLaunchUrl: `${config.appPublicUrl}/launch`,
      createLaunch: (context) => state.createLaunch(context),
      ehrName: config.name,
      panelPatients: panel.summary.patients,
      suggestions: new ChartSuggestions({
        client: new CdsClient({
          key: cdsClientKey,
          issuer: urls.publicUrl,
          discoveryUrl: config.cdsServicesUrl,
          fhirBaseUrl: urls.fhirBaseUrl,
          signingKey,
          timeoutMs: config.cdsTimeoutMs,
          log: (line) => process.stderr.write(`${line}\n`),
        }),
        createLaunch: async (context) => {
          const launch = await createCheckedLaunch({ state, repo }, context);
          return 'launchId' in launch ? launch.launchId : undefined;
        },
        launchSrc: (url, launchId) => appLaunchSrc(url, urls.fhirBaseUrl, launchId),
        appOrigin,
      }),
    }),
  );
  return {
    app,
    urls,
    repo,
    state,
    patients,
    practitioners,
    dataSummary,
    panelSummary: panel.summary,
  };
}

/** Browser apps on other origins call the FHIR and token endpoints with bearer tokens, no cookies. */
const cors: RequestHandler = (req, res, next) => {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept');
  res.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.set('Access-Control-Expose-Headers', 'WWW-Authenticate, Location');
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
};

function securityHeaders(appOrigin: string): RequestHandler {
  const csp = [
    "default-src 'self'",
    // The sidebar frame goes to our own authorize endpoint first, then to the app.
    `frame-src 'self' ${appOrigin}`,
    // Chromium applies form-action to the redirect after the sign-in form posts.
    `form-action 'self' ${appOrigin}`,
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
  return (_req, res, next) => {
    res.set('Content-Security-Policy', csp);
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'no-referrer');
    next();
  };
}

function displayName(practitioner: Practitioner): string {
  const name = practitioner.name?.[0];
  return [name?.prefix?.join(' '), name?.given?.join(' '), name?.family].filter(Boolean).join(' ');
}

function listedPatient(resource: Resource): ChartPatient {
  const patient = resource as Patient;
  const name = patient.name?.[0];
  // Synthea appends digits to names to keep them unique ("Lilliam592").
  const display = [name?.given?.join(' '), name?.family]
    .filter(Boolean)
    .join(' ')
    .replace(/\d+/g, '');
  return {
    id: patient.id ?? '',
    name: display || (patient.id ?? ''),
    summary: [patient.gender, patient.birthDate].filter(Boolean).join(' · '),
    origin: 'sandbox-data',
  };
}
