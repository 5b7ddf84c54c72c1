import type { Practitioner } from 'fhir/r4';
import { personName } from './chart-format';
import { html, type SafeHtml } from '../html';

export const CSS_PATH = '/chart-assets/chart.css';

interface PageOptions {
  title: string;
  /** Where the router is mounted (`req.baseUrl`), so links work under any prefix. */
  base: string;
  practitioner: Practitioner | undefined;
  body: SafeHtml;
}

/** `?practitioner=<id>` to carry the signed-in practitioner from page to page. */
export function practitionerQuery(practitioner: Practitioner | undefined): string {
  return practitioner?.id ? `?practitioner=${encodeURIComponent(practitioner.id)}` : '';
}

/** The sandbox EHR's page shell: a top bar with the signed-in practitioner, then the body. */
export function renderPage({ title, base, practitioner, body }: PageOptions): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Sandbox EHR</title>
        <link rel="stylesheet" href="${base}${CSS_PATH}" />
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="topbar">
          <a class="product" href="${base}/${practitionerQuery(practitioner)}">Sandbox EHR</a>
          <nav aria-label="Sandbox EHR">
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
