import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryRepository } from '@medplum/fhir-router';
import express from 'express';
import type { Practitioner } from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { HookResult } from '../cds/cds-client';
import { ChartSuggestions } from '../cds/chart-suggestions';
import { indexFhirDefinitions } from '../fhir/fhir-definitions';
import { chartRoutes } from './chart-routes';

const practitioners: Practitioner[] = [{ resourceType: 'Practitioner', id: 'dr-ada' }];
const withOneCard: HookResult = {
  status: 'ok',
  cards: [
    {
      serviceId: 'chartside-patient-view',
      card: {
        uuid: 'card-1',
        summary: 'Sepsis case',
        indicator: 'info',
        source: { label: 'Chartside' },
        links: [{ label: 'Open', url: 'http://localhost:3000/launch', type: 'smart' }],
      },
    },
  ],
};
let result: HookResult = { status: 'unavailable' };
let server: Server;
let base: string;

beforeAll(async () => {
  indexFhirDefinitions();
  const repo = new MemoryRepository();
  await repo.createResource({ resourceType: 'Patient', id: 'pat-1' } as never);
  const suggestions = new ChartSuggestions({
    client: {
      callPatientView: () => Promise.resolve(result),
      sendFeedback: () => Promise.resolve(true),
    },
    createLaunch: () => Promise.resolve('launch-from-card'),
    launchSrc: (url, launchId) => `${url}?launch=${launchId}`,
    appOrigin: 'http://localhost:3000',
  });
  const app = express().use(
    chartRoutes({
      repo,
      patients: [{ id: 'pat-1', name: 'Pat One', summary: '' }],
      practitioners,
      fhirBaseUrl: 'http://localhost:4000/fhir',
      appLaunchUrl: 'http://localhost:3000/launch',
      createLaunch: () => 'launch-1',
      suggestions,
    }),
  );
  server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** The page's suggestions URL, as its script reads it. */
async function openChart(): Promise<{ page: string; url: string }> {
  const page = await (await fetch(`${base}/chart/pat-1`)).text();
  const url = /data-suggestions="([^"]+)"/.exec(page)?.[1] ?? 'missing';
  return { page, url: base + url };
}

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

test('the chart has a Suggestions panel filled by a same-origin script, with no inline script', async () => {
  const { page, url } = await openChart();
  expect(page).toContain('<h2 id="suggestions-heading" tabindex="-1">Suggestions</h2>');
  expect(page).toContain('Loading suggestions…');
  expect(url).toMatch(/\/chart-suggestions\/[0-9a-f-]{36}$/);
  expect(page).toContain('<script type="module" src="/chart-assets/suggestions.js"></script>');
  expect(page.match(/<script/g)).toHaveLength(1);
  const script = await fetch(`${base}/chart-assets/suggestions.js`);
  expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect(await script.text()).toContain('Suggestions unavailable');
});

test('an unavailable service gives the script a status it shows as a quiet note', async () => {
  result = { status: 'unavailable' };
  const { url } = await openChart();
  expect(await (await fetch(url)).json()).toEqual({ status: 'unavailable' });
});

test('a card smart link answers the sidebar src; a bad index or view is a 404', async () => {
  result = withOneCard;
  const { url } = await openChart();
  const view = (await (await fetch(url)).json()) as { cards: { id: number }[] };
  expect(view.cards.map((card) => card.id)).toEqual([0]);
  const opened = await post(`${url}/cards/0/open`, { link: 0 });
  expect(await opened.json()).toEqual({
    appSrc: 'http://localhost:3000/launch?launch=launch-from-card',
  });
  expect((await post(`${url}/cards/0/open`, { link: 1 })).status).toBe(404);
  expect((await post(`${url}/cards/x/open`, { link: 0 })).status).toBe(404);
  const unknown = `${base}/chart-suggestions/${crypto.randomUUID()}`;
  expect((await fetch(unknown)).status).toBe(404);
  expect((await post(`${unknown}/cards/0/dismiss`, {})).status).toBe(404);
});

test('dismissing answers whether the service was told, and the card is gone after', async () => {
  result = withOneCard;
  const { url } = await openChart();
  await fetch(url);
  const dismissed = await post(`${url}/cards/0/dismiss`, {});
  expect(await dismissed.json()).toEqual({ feedbackSent: true });
  expect(await (await fetch(url)).json()).toEqual({ status: 'ok', cards: [] });
});
