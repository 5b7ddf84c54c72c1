import type { Practitioner } from 'fhir/r4';
import type { ChartPatient } from './chart-routes';
import { personName } from './chart-format';
import { html, type SafeHtml } from '../html';
import { practitionerQuery, renderPage } from './layout';

interface PatientListOptions {
  base: string;
  patients: ChartPatient[];
  practitioners: Practitioner[];
  practitioner: Practitioner | undefined;
  ehrName?: string;
  panelPatients?: number;
}

function patientTable(
  heading: string,
  id: string,
  patients: ChartPatient[],
  options: PatientListOptions,
  empty: SafeHtml,
): SafeHtml {
  const query = practitionerQuery(options.practitioner);
  const rows = patients.map(
    (p) =>
      html`<tr>
        <th scope="row">
          <a href="${options.base}/chart/${encodeURIComponent(p.id)}${query}">${p.name}</a>
        </th>
        <td>${p.summary}</td>
        <td>${p.topic ? html`<span class="tag">${p.topic}</span>` : ''}</td>
      </tr>`,
  );
  return html`<section class="panel" aria-labelledby="${id}">
    <h2 id="${id}">${heading}</h2>
    ${
      patients.length === 0
        ? empty
        : html`<table>
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Summary</th>
                <th scope="col">Teaching topic</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`
    }
  </section>`;
}

/** The sandbox EHR's home page: who is signed in, and every patient with a link to the chart. */
export function renderPatientListPage(options: PatientListOptions): string {
  const { base, practitioners, practitioner } = options;
  const personas = options.patients.filter((p) => p.origin !== 'sandbox-data');
  const loaded = options.patients.filter((p) => p.origin === 'sandbox-data');
  const choices = practitioners.map(
    (p) =>
      html`<option value="${p.id ?? ''}" ${p.id === practitioner?.id ? html`selected` : ''}>
        ${personName(p.name)}
      </option>`,
  );
  const body = html`<main id="main" class="list-page">
    <h1>Patients</h1>
    ${
      practitioners.length > 0
        ? html`<form class="panel practitioner-form" method="get" action="${base}/">
            <label for="practitioner">Signed in as</label>
            <select id="practitioner" name="practitioner">
              ${choices}
            </select>
            <button type="submit">Switch practitioner</button>
          </form>`
        : ''
    }
    ${patientTable('Sandbox personas', 'personas-heading', personas, options, html`<p class="empty">No personas.</p>`)}
    ${
      options.panelPatients
        ? html`<p>
            The EHR also holds ${options.panelPatients.toLocaleString('en-US')} generated panel
            patients (synthetic, for the quality-measure demo), not listed here.
          </p>`
        : ''
    }
    ${patientTable(
      'Loaded from SANDBOX_DATA',
      'loaded-heading',
      loaded,
      options,
      html`<p class="empty">
        None loaded. Start the sandbox with
        <code>SANDBOX_DATA=&lt;folder of FHIR JSON or NDJSON&gt;</code> to add Synthea patients.
      </p>`,
    )}
  </main>`;
  return renderPage({
    title: 'Patients',
    base,
    practitioner,
    body,
    ...(options.ehrName !== undefined && { ehrName: options.ehrName }),
  });
}
