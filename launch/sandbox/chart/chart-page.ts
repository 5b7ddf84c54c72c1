import type { Encounter, Patient, Practitioner } from 'fhir/r4';
import type { ChartData } from './chart-data';
import {
  ageInYears,
  codeText,
  encounterClass,
  formatDateTime,
  medicalRecordNumber,
} from './chart-format';
import { medicationList, problemList, resultTable } from './clinical-tables';
import { html, type SafeHtml } from '../html';
import { practitionerQuery, renderPage, section, SUGGESTIONS_SCRIPT_PATH } from './layout';

interface ChartPageOptions {
  base: string;
  practitioner: Practitioner | undefined;
  name: string;
  data: ChartData;
  /** The app's launch URL with `iss` and a fresh `launch` id. */
  appSrc: string;
  /** Where the page's script fetches this view's CDS cards; no panel without it. */
  suggestionsUrl?: string;
  now: Date;
  ehrName?: string;
}

function banner(patient: Patient, name: string, now: Date): SafeHtml {
  const birth = patient.birthDate;
  const died = patient.deceasedDateTime ? new Date(patient.deceasedDateTime) : undefined;
  const age = birth
    ? `${birth} (${died ? `died aged ${ageInYears(birth, died)}` : `${ageInYears(birth, now)} y`})`
    : '—';
  const sex = patient.gender
    ? patient.gender.charAt(0).toUpperCase() + patient.gender.slice(1)
    : '—';
  return html`<section class="panel banner" aria-labelledby="patient-name">
    <h1 id="patient-name">${name}</h1>
    <dl>
      <div>
        <dt>Sex</dt>
        <dd>${sex}</dd>
      </div>
      <div>
        <dt>Born</dt>
        <dd>${age}</dd>
      </div>
      <div>
        <dt>MRN</dt>
        <dd>${medicalRecordNumber(patient)}</dd>
      </div>
    </dl>
  </section>`;
}

function encounterSection(encounter: Encounter | undefined): SafeHtml {
  if (!encounter)
    return section('encounter-heading', 'Encounter', html`<p class="empty">No encounters.</p>`);
  const current = encounter.status === 'in-progress';
  const reasons = [
    ...(encounter.reasonCode ?? []).map(codeText),
    ...(encounter.reasonReference ?? []).map((r) => r.display ?? r.reference ?? ''),
  ].filter(Boolean);
  const content = html`<dl>
    <div>
      <dt>Class</dt>
      <dd>${encounterClass(encounter)}</dd>
    </div>
    <div>
      <dt>Type</dt>
      <dd>${encounter.type?.map(codeText).join(', ') || '—'}</dd>
    </div>
    <div>
      <dt>Reason</dt>
      <dd>${reasons.join(', ') || '—'}</dd>
    </div>
    <div>
      <dt>Started</dt>
      <dd>${formatDateTime(encounter.period?.start)}</dd>
    </div>
    <div>
      <dt>Status</dt>
      <dd>${encounter.status}</dd>
    </div>
  </dl>`;
  return section(
    'encounter-heading',
    current ? 'Current encounter' : 'Last encounter',
    content,
    'encounter',
  );
}

/** The CDS cards' panel, filled by the page's script once the chart is shown. */
function suggestionsPanel(url: string): SafeHtml {
  return html`<section
    class="panel suggestions"
    aria-labelledby="suggestions-heading"
    data-suggestions="${url}"
  >
    <h2 id="suggestions-heading" tabindex="-1">Suggestions</h2>
    <p class="note" role="status">Loading suggestions…</p>
    <div data-suggestion-list></div>
  </section>`;
}

/** A patient's chart with Chartside in the sidebar, launched the way an EHR launches a SMART app. */
export function renderChartPage(options: ChartPageOptions): string {
  const { data, name } = options;
  const body = html`<div class="chart-layout">
    <main id="main" class="chart">
      ${banner(data.patient, name, options.now)}
      ${options.suggestionsUrl ? suggestionsPanel(options.suggestionsUrl) : ''}
      ${encounterSection(data.encounter)} ${problemList(data)}
      ${resultTable('labs-heading', 'Recent labs', data.labs, data.labTotal)}
      ${resultTable('vitals-heading', 'Vital signs', data.vitals, data.vitalTotal)}
      ${medicationList(data)}
    </main>
    <aside class="sidebar" aria-label="Chartside app">
      <iframe title="Chartside" src="${options.appSrc}"></iframe>
    </aside>
  </div>`;
  return renderPage({
    title: name,
    base: options.base,
    practitioner: options.practitioner,
    body,
    ...(options.ehrName !== undefined && { ehrName: options.ehrName }),
    ...(options.suggestionsUrl && { script: `${options.base}${SUGGESTIONS_SCRIPT_PATH}` }),
  });
}

/** The page for a patient id the sandbox does not know. */
export function renderPatientNotFoundPage(
  base: string,
  practitioner: Practitioner | undefined,
  ehrName?: string,
) {
  const body = html`<main id="main" class="list-page">
    <h1>Patient not found</h1>
    <p>
      The sandbox EHR has no patient with this id.
      <a href="${base}/${practitionerQuery(practitioner)}">Choose a patient from the list.</a>
    </p>
  </main>`;
  return renderPage({
    title: 'Patient not found',
    base,
    practitioner,
    body,
    ...(ehrName !== undefined && { ehrName }),
  });
}
