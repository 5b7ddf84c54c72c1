import type { MedicationRequest, Observation } from 'fhir/r4';
import type { ChartData } from './chart-data';
import {
  codeLabel,
  codeText,
  formatDateTime,
  observationDate,
  observationFlag,
  observationValue,
  referenceRangeText,
} from './chart-format';
import { html, type SafeHtml } from '../html';
import { section } from './layout';

/** The chart's clinical tables: problem list, results (labs, vitals) and active medications. */
export function problemList(data: ChartData): SafeHtml {
  const rows = data.conditions.map(
    (c) =>
      html`<tr>
        <th scope="row">${codeText(c.code)}</th>
        <td class="code">${codeLabel(c.code)}</td>
        <td class="when">${formatDateTime(c.onsetDateTime ?? c.recordedDate)}</td>
      </tr>`,
  );
  const content =
    rows.length === 0
      ? html`<p class="empty">No active problems.</p>`
      : html`<table>
          <thead>
            <tr>
              <th scope="col">Problem</th>
              <th scope="col">Code</th>
              <th scope="col">Onset</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>`;
  return section('problems-heading', 'Problem list', content);
}

function flagCell(observation: Observation): SafeHtml {
  const flag = observationFlag(observation);
  if (!flag) return html`<td></td>`;
  const letter = flag === 'High' ? 'H' : flag === 'Low' ? 'L' : 'A';
  return html`<td class="flag flag-${flag.toLowerCase()}">
    <abbr title="${flag}">${letter}</abbr>
  </td>`;
}

export function resultTable(
  id: string,
  heading: string,
  results: Observation[],
  total: number,
): SafeHtml {
  const rows = results.map(
    (o) =>
      html`<tr>
        <th scope="row">${codeText(o.code)}</th>
        <td class="value">${observationValue(o)}</td>
        ${flagCell(o)}
        <td>${referenceRangeText(o)}</td>
        <td class="when">${formatDateTime(observationDate(o))}</td>
      </tr>`,
  );
  const content =
    rows.length === 0
      ? html`<p class="empty">No results.</p>`
      : html`<table>
            <thead>
              <tr>
                <th scope="col">Test</th>
                <th scope="col">Result</th>
                <th scope="col">Flag</th>
                <th scope="col">Reference range</th>
                <th scope="col">Taken</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>
          ${total > results.length ? html`<p class="note">Latest ${results.length} of ${total}.</p>` : ''}`;
  return section(id, heading, content);
}

function medicationName(request: MedicationRequest, names: Map<string, string>): string {
  if (request.medicationCodeableConcept) return codeText(request.medicationCodeableConcept);
  const reference = request.medicationReference;
  return reference?.display ?? names.get(reference?.reference ?? '') ?? reference?.reference ?? '—';
}

export function medicationList(data: ChartData): SafeHtml {
  const rows = data.medications.map(
    (m) =>
      html`<tr>
        <th scope="row">${medicationName(m, data.medicationNames)}</th>
        <td>
          ${
            m.dosageInstruction
              ?.map((d) => d.text)
              .filter(Boolean)
              .join('; ') || '—'
          }
        </td>
        <td class="when">${formatDateTime(m.authoredOn)}</td>
      </tr>`,
  );
  const content =
    rows.length === 0
      ? html`<p class="empty">No active medications.</p>`
      : html`<table>
          <thead>
            <tr>
              <th scope="col">Medication</th>
              <th scope="col">Instructions</th>
              <th scope="col">Ordered</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>`;
  return section('medications-heading', 'Active medications', content);
}
