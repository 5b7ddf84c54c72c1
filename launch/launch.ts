// The browser entry, whose types match what runs in the page (the package types the Node entry).
import FHIR from 'fhirclient/lib/entry/browser';
import type { fhirclient } from 'fhirclient/lib/types';
import i18next from 'i18next';
import { rememberLinkedCase } from '../client/case-picker/linked-case';
import { launchConfigSchema, type LaunchConfig } from '../core/wire/launch-config';
import { launchMessages, type LaunchMessageKey } from './launch-messages';
import './launch.css';

/** The only parameters an EHR launch sends (SMART App Launch 2.2 §2.0.3). */
const ACCEPTED_PARAMS = new Set(['iss', 'launch']);

const i18n = i18next.createInstance();
await i18n.init({
  resources: launchMessages,
  lng: navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
document.documentElement.lang = i18n.language;

/** The app's typed i18next resources do not cover this page's own instance. */
const t = i18n.t.bind(i18n) as unknown as (key: LaunchMessageKey, values?: object) => string;

function show(
  kind: 'progress' | 'error',
  title: LaunchMessageKey,
  text: LaunchMessageKey,
  values = {},
): void {
  const main = document.getElementById('launch');
  if (!main) return;
  const heading = document.createElement('h1');
  heading.textContent = t(title);
  const paragraph = document.createElement('p');
  paragraph.textContent = t(text, values);
  main.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  main.replaceChildren(heading, paragraph);
}

async function fetchLaunchConfig(
  iss: string,
): Promise<LaunchConfig | 'not-registered' | 'unreachable'> {
  try {
    const response = await fetch(`/api/launch-config?iss=${encodeURIComponent(iss)}`);
    if (response.status === 404) return 'not-registered';
    if (!response.ok) return 'unreachable';
    return launchConfigSchema.parse(await response.json());
  } catch {
    return 'unreachable';
  }
}

/**
 * EHR launch: validate `iss` against the registered tenants before any request to it, then
 * authorize with PKCE S256 and a CSPRNG state (SMART App Launch 2.2 §2.0.3–2.0.5).
 */
async function launch(): Promise<void> {
  rememberLinkedCase(window.location.hash, sessionStorage);
  const params = new URLSearchParams(window.location.search);
  // fhirclient lets ?fhirServiceUrl=, ?patientId=, ?clientId= override its options: refuse them.
  const unexpected = [...new Set(params.keys())].filter((key) => !ACCEPTED_PARAMS.has(key));
  if (unexpected.length > 0) {
    show('error', 'refusedTitle', 'refused', { params: unexpected.join(', ') });
    return;
  }
  const iss = params.get('iss')?.replace(/\/+$/, '');
  if (!iss) {
    show('error', 'missingIssTitle', 'missingIss');
    return;
  }
  show('progress', 'title', 'connecting');
  const config = await fetchLaunchConfig(iss);
  if (config === 'not-registered') {
    show('error', 'notRegisteredTitle', 'notRegistered', { iss });
    return;
  }
  if (config === 'unreachable') {
    show('error', 'unreachableTitle', 'unreachable');
    return;
  }
  const scope = params.has('launch')
    ? config.scope
    : config.scope.replace(/(^|\s)launch(?=\s|$)/, '$1launch/patient');
  // Oracle Health's embedded browser can share sessionStorage between charts.
  const external = Reflect.get(window, 'external') as
    { DiscernObjectFactory?: unknown } | undefined;
  if (external?.DiscernObjectFactory !== undefined) {
    (FHIR.oauth2.settings as { fullSessionStorageSupport?: boolean }).fullSessionStorageSupport =
      false;
  }
  show('progress', 'title', 'redirecting');
  const options: fhirclient.AuthorizeParams = {
    issMatch: (value: string) => value.replace(/\/+$/, '') === config.iss,
    clientId: config.clientId,
    scope,
    redirectUri: config.redirectUri,
    pkceMode: 'required',
    stateKey: crypto.randomUUID(),
    completeInTarget: true,
  };
  try {
    // An array makes fhirclient enforce issMatch (its types only declare the single form).
    await FHIR.oauth2.authorize([options] as unknown as fhirclient.AuthorizeParams);
  } catch {
    show('error', 'ehrErrorTitle', 'ehrError');
  }
}

await launch();
