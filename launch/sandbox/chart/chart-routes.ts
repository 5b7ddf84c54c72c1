import type { MemoryRepository } from '@medplum/fhir-router';
import { Router, type Request, type Response } from 'express';
import type { Practitioner } from 'fhir/r4';
import { readChartData } from './chart-data';
import { CHART_CSS } from './chart-css';
import { personName } from './chart-format';
import type { ChartSuggestions } from '../cds/chart-suggestions';
import { CSS_PATH, SUGGESTIONS_PATH } from './layout';
import { suggestionsRoutes } from './suggestions-routes';
import { renderChartPage, renderPatientNotFoundPage } from './chart-page';
import { renderPatientListPage } from './patient-list-page';

export interface ChartPatient {
  id: string;
  name: string;
  summary: string;
  encounterId?: string;
  topic?: string | null;
  /** Which section of the patient list it belongs to; personas when absent. */
  origin?: 'persona' | 'sandbox-data';
}

export interface ChartDeps {
  /** All sandbox FHIR data. */
  repo: MemoryRepository;
  /** Personas first, then any loaded from SANDBOX_DATA. */
  patients: ChartPatient[];
  practitioners: Practitioner[];
  /** The sandbox FHIR base, sent as `iss`, e.g. http://localhost:4000/fhir. */
  fhirBaseUrl: string;
  /** The app's registered launch URL, e.g. http://localhost:3000/launch. */
  appLaunchUrl: string;
  /** Registers a launch context and returns its launch id. */
  createLaunch(context: {
    patient: string;
    encounter?: string;
    practitioner?: string;
    appContext?: string;
  }): string;
  /** The CDS cards beside each chart; no Suggestions panel without it. */
  suggestions?: ChartSuggestions;
  /** For the age in the banner; tests pin it. */
  now?: () => Date;
  /** SANDBOX_NAME, in every page's top bar. */
  ehrName?: string;
  /** How many generated panel patients the EHR holds (not listed by name). */
  panelPatients?: number;
}

/** The app's launch URL for an EHR launch (SMART App Launch 2.2 §2.0.4: `iss` and `launch`). */
export function appLaunchSrc(appLaunchUrl: string, fhirBaseUrl: string, launchId: string): string {
  const url = new URL(appLaunchUrl);
  url.searchParams.set('iss', fhirBaseUrl);
  url.searchParams.set('launch', launchId);
  return url.toString();
}

/** The sandbox EHR's chart UI: `/` patient list, `/chart/:patientId` chart with the app in a sidebar. */
export function chartRoutes(deps: ChartDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  const named = deps.ehrName === undefined ? {} : { ehrName: deps.ehrName };

  const signedIn = (req: Request): Practitioner | undefined => {
    const wanted = req.query.practitioner;
    return deps.practitioners.find((p) => p.id === wanted) ?? deps.practitioners[0];
  };
  const sendHtml = (res: Response, status: number, page: string): void => {
    res.status(status).type('html').set('Cache-Control', 'no-store').send(page);
  };

  router.get(CSS_PATH, (_req, res) => {
    res.type('css').set('Cache-Control', 'no-cache').send(CHART_CSS);
  });

  if (deps.suggestions) router.use(suggestionsRoutes(deps.suggestions));

  router.get('/', (req, res) => {
    const page = renderPatientListPage({
      base: req.baseUrl,
      patients: deps.patients,
      practitioners: deps.practitioners,
      practitioner: signedIn(req),
      ...named,
      ...(deps.panelPatients === undefined ? {} : { panelPatients: deps.panelPatients }),
    });
    sendHtml(res, 200, page);
  });

  router.get('/chart/:patientId', async (req, res) => {
    const practitioner = signedIn(req);
    const { patientId } = req.params;
    const listed = deps.patients.find((p) => p.id === patientId);
    const data = await readChartData(deps.repo, patientId, listed?.encounterId);
    if (!data) {
      sendHtml(res, 404, renderPatientNotFoundPage(req.baseUrl, practitioner, deps.ehrName));
      return;
    }
    // A fresh launch on every page load, as an EHR does each time the app is opened.
    const launchId = deps.createLaunch({
      patient: patientId,
      ...(data.encounter?.id ? { encounter: data.encounter.id } : {}),
      ...(practitioner?.id ? { practitioner: practitioner.id } : {}),
    });
    // Its CDS cards are fetched by the page afterwards, so the hook never delays the chart.
    const viewId =
      practitioner?.id === undefined
        ? undefined
        : deps.suggestions?.openView({
            patientId,
            practitionerId: practitioner.id,
            ...(data.encounter?.id ? { encounterId: data.encounter.id } : {}),
          });
    const page = renderChartPage({
      base: req.baseUrl,
      practitioner,
      name: listed?.name ?? personName(data.patient.name),
      data,
      appSrc: appLaunchSrc(deps.appLaunchUrl, deps.fhirBaseUrl, launchId),
      ...(viewId !== undefined && {
        suggestionsUrl: `${req.baseUrl}${SUGGESTIONS_PATH}/${viewId}`,
      }),
      now: now(),
      ...named,
    });
    sendHtml(res, 200, page);
  });

  return router;
}
