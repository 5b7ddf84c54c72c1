import { expect, test } from 'vitest';
import type { CdsFeedbackEntry } from '../../../core/cds-hooks/feedback';
import type { HookResult, ServiceCard } from './cds-client';
import { ChartSuggestions, type ChartSuggestionsDeps } from './chart-suggestions';

const chart = { patientId: 'maria-santos', encounterId: 'enc-1', practitionerId: 'dr-ada' };
const reasons = [
  { code: 'not-relevant', system: 'urn:chartside', display: 'Not relevant to this patient' },
  { code: 'already-done', system: 'urn:chartside' },
];
const sepsis: ServiceCard = {
  serviceId: 'chartside-patient-view',
  card: {
    uuid: 'card-sepsis',
    summary: 'Sepsis case',
    detail: 'Lactate 4.1',
    indicator: 'warning',
    source: { label: 'Chartside', url: 'https://app.test/about' },
    overrideReasons: reasons,
    links: [
      { label: 'Elsewhere', url: 'https://other.test/launch', type: 'smart' },
      { label: 'Guideline', url: 'https://guideline.test/sepsis', type: 'absolute' },
      {
        label: 'Open case',
        url: 'https://app.test/launch',
        type: 'smart',
        appContext: '{"caseId":"sepsis"}',
      },
    ],
  },
};
const noUuid: ServiceCard = {
  serviceId: 'chartside-patient-view',
  card: { summary: 'No uuid', indicator: 'info', source: { label: 'Chartside' } },
};

function setup(result: HookResult = { status: 'ok', cards: [sepsis, noUuid] }) {
  const calls: string[] = [];
  const feedback: { serviceId: string; entries: CdsFeedbackEntry[] }[] = [];
  const launches: Parameters<ChartSuggestionsDeps['createLaunch']>[0][] = [];
  const suggestions = new ChartSuggestions({
    client: {
      callPatientView: (context) => {
        calls.push(context.patientId);
        return Promise.resolve(result);
      },
      sendFeedback: (serviceId, entries) => {
        feedback.push({ serviceId, entries });
        return Promise.resolve(true);
      },
    },
    createLaunch: (context) => {
      launches.push(context);
      return Promise.resolve(`launch-${launches.length}`);
    },
    launchSrc: (url, launchId) => `${url}?launch=${launchId}`,
    appOrigin: 'https://app.test',
    now: () => Date.parse('2026-11-26T12:00:00Z'),
  });
  return { suggestions, calls, feedback, launches, viewId: suggestions.openView(chart) };
}

test('a chart view shows its cards with launchable smart links, web links and reasons', async () => {
  const { suggestions, viewId, calls } = setup();
  expect(await suggestions.cards(viewId)).toEqual({
    status: 'ok',
    cards: [
      {
        id: 0,
        card: {
          summary: 'Sepsis case',
          detail: 'Lactate 4.1',
          indicator: 'warning',
          source: { label: 'Chartside', url: 'https://app.test/about' },
          smartLinks: [{ index: 2, label: 'Open case' }],
          absoluteLinks: [{ label: 'Guideline', url: 'https://guideline.test/sepsis' }],
          overrideReasons: [
            { index: 0, display: 'Not relevant to this patient' },
            { index: 1, display: 'already-done' },
          ],
        },
      },
      {
        id: 1,
        card: {
          summary: 'No uuid',
          indicator: 'info',
          source: { label: 'Chartside' },
          smartLinks: [],
          absoluteLinks: [],
          overrideReasons: [],
        },
      },
    ],
  });
  await suggestions.cards(viewId);
  expect(calls).toEqual(['maria-santos']);
});

test('an unknown view has no cards, and an unavailable service says so', async () => {
  const { suggestions } = setup({ status: 'unavailable' });
  expect(await suggestions.cards(crypto.randomUUID())).toBeUndefined();
  expect(await suggestions.cards(suggestions.openView(chart))).toEqual({ status: 'unavailable' });
});

test('opening a smart link launches with its appContext in the chart context and reports accepted', async () => {
  const { suggestions, viewId, launches, feedback } = setup();
  await suggestions.cards(viewId);
  expect(await suggestions.open(viewId, 0, 2)).toBe('https://app.test/launch?launch=launch-1');
  expect(launches).toEqual([
    {
      patient: 'maria-santos',
      encounter: 'enc-1',
      practitioner: 'dr-ada',
      appContext: '{"caseId":"sepsis"}',
    },
  ]);
  expect(feedback).toEqual([
    {
      serviceId: 'chartside-patient-view',
      entries: [
        { card: 'card-sepsis', outcome: 'accepted', outcomeTimestamp: '2026-11-26T12:00:00.000Z' },
      ],
    },
  ]);
});

test('a smart link to an app this EHR does not know, or an absolute link, is never launched', async () => {
  const { suggestions, viewId, launches } = setup();
  await suggestions.cards(viewId);
  expect(await suggestions.open(viewId, 0, 0)).toBeUndefined();
  expect(await suggestions.open(viewId, 0, 1)).toBeUndefined();
  expect(await suggestions.open(viewId, 0, 9)).toBeUndefined();
  expect(launches).toEqual([]);
});

test('dismissing with a reason reports overridden with that reason and hides the card', async () => {
  const { suggestions, viewId, feedback } = setup();
  await suggestions.cards(viewId);
  expect(await suggestions.dismiss(viewId, 0, 0)).toBe('sent');
  expect(feedback[0]?.entries).toEqual([
    {
      card: 'card-sepsis',
      outcome: 'overridden',
      overrideReason: { reason: reasons[0] },
      outcomeTimestamp: '2026-11-26T12:00:00.000Z',
    },
  ]);
  const view = await suggestions.cards(viewId);
  expect(view?.status === 'ok' && view.cards.map((c) => c.id)).toEqual([1]);
  expect(await suggestions.dismiss(viewId, 0)).toBe('unknown');
});

test('dismissing without a reason sends none; a card without uuid is hidden but not reported', async () => {
  const { suggestions, viewId, feedback } = setup();
  await suggestions.cards(viewId);
  expect(await suggestions.dismiss(viewId, 0)).toBe('sent');
  expect(feedback[0]?.entries[0]).not.toHaveProperty('overrideReason');
  expect(await suggestions.dismiss(viewId, 1)).toBe('not-sent');
  expect(feedback).toHaveLength(1);
});

test('a reason the card does not offer is refused', async () => {
  const { suggestions, viewId, feedback } = setup();
  await suggestions.cards(viewId);
  expect(await suggestions.dismiss(viewId, 0, 5)).toBe('unknown');
  expect(feedback).toEqual([]);
});
