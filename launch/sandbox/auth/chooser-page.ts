import type { Response } from 'express';
import { renderPage } from '../chart/layout';
import { html, raw, type SafeHtml } from '../html';

export interface ChooserOption {
  id: string;
  label: string;
}

export interface ChooserPage {
  action: string;
  hidden: Record<string, string>;
  practitioners: ChooserOption[];
  /** Present for a standalone launch: the user picks the patient too. */
  patients?: ChooserOption[];
  /** SANDBOX_NAME; "Sandbox EHR" when absent. */
  ehrName?: string;
}

function select(name: string, label: string, options: ChooserOption[]): SafeHtml {
  return html`<p>
    <label for="${name}">${label}</label>
    <select id="${name}" name="${name}" required>
      ${options.map((o) => html`<option value="${o.id}">${o.label}</option>`)}
    </select>
  </p>`;
}

/** The sandbox's sign-in page (and patient picker for standalone launches). */
export function renderChooserPage(res: Response, view: ChooserPage): void {
  const body = html`<main id="main" class="narrow">
    <h1>${view.ehrName ?? 'Sandbox EHR'} sign-in</h1>
    <p>An app is asking to open with your EHR account.</p>
    <form method="post" action="${view.action}">
      ${Object.entries(view.hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`)}
      ${select('practitioner', 'Sign in as', view.practitioners)}
      ${view.patients ? select('patient', 'Patient', view.patients) : raw('')}
      <button type="submit">Continue</button>
    </form>
  </main>`;
  res.type('html').send(page('Sign in', body, view.ehrName));
}

export function renderErrorPage(
  res: Response,
  status: number,
  title: string,
  message: string,
  ehrName?: string,
): void {
  res
    .status(status)
    .type('html')
    .send(
      page(
        title,
        html`<main>
          <h1>${title}</h1>
          <p>${message}</p>
        </main>`,
        ehrName,
      ),
    );
}

function page(title: string, body: SafeHtml, ehrName: string | undefined): string {
  return renderPage({
    title,
    base: '',
    practitioner: undefined,
    body,
    ...(ehrName !== undefined && { ehrName }),
  });
}
