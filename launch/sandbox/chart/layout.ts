import type { Practitioner } from 'fhir/r4';
import { personName } from './chart-format';
import { html, type SafeHtml } from '../html';

export const CSS_PATH = '/chart-assets/chart.css';
export const SUGGESTIONS_SCRIPT_PATH = '/chart-assets/suggestions.js';
/** Under it, `/{viewId}` answers one chart view's CDS cards. */
export const SUGGESTIONS_PATH = '/chart-suggestions';

interface PageOptions {
  title: string;
  /** Where the router is mounted (`req.baseUrl`), so links work under any prefix. */
  base: string;
  practitioner: Practitioner | undefined;
  body: SafeHtml;
  /** A same-origin module script (the CSP allows no inline script). */
  script?: string;
  /** SANDBOX_NAME, so a person running two sandboxes can tell them apart. */
  ehrName?: string;
}

/** `?practitioner=<id>` to carry the signed-in practitioner from page to page. */
export function practitionerQuery(practitioner: Practitioner | undefined): string {
  return practitioner?.id ? `?practitioner=${encodeURIComponent(practitioner.id)}` : '';
}

/** The sandbox EHR's page shell: a top bar with the signed-in practitioner, then the body. */
export function renderPage(options: PageOptions): string {
  const { title, base, practitioner, body, script, ehrName = 'Sandbox EHR' } = options;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${ehrName}</title>
        <link rel="stylesheet" href="${base}${CSS_PATH}" />
        ${script ? html`<script type="module" src="${script}"></script>` : ''}
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="topbar">
          <a class="product" href="${base}/${practitionerQuery(practitioner)}">${ehrName}</a>
          <nav aria-label="${ehrName}">
            <ul>
              <li><a href="${base}/${practitionerQuery(practitioner)}">Patient list</a></li>
            </ul>
          </nav>
          <p class="user">
            ${practitioner ? html`Signed in as <strong>${personName(practitioner.name)}</strong>` : 'No practitioner signed in'}
          </p>
        </header>
        ${body}
      </body>
    </html> `.toString();
}

/** A titled panel of the chart, labelled by its heading for screen readers. */
export function section(id: string, heading: string, content: SafeHtml, extra = ''): SafeHtml {
  return html`<section class="panel ${extra}" aria-labelledby="${id}">
    <h2 id="${id}">${heading}</h2>
    ${content}
  </section>`;
}
