import type { Bundle } from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  cardAppContextSchema,
  cdsServiceResponseSchema,
  type CdsCard,
} from '../../../core/cds-hooks/card';
import { CDS_SERVICE_IDS } from '../../../core/cds-hooks/service-ids';
import { loadCaseLibrary } from '../../../server/library/case-library';
import {
  callCds,
  patientViewRequest,
  persona,
  personaPrefetch,
  startCdsStack,
  type CdsStack,
} from './cds-test-client';

const library = await loadCaseLibrary({
  casesDir: 'cases',
  valueSetsDir: 'fhir-profiles/valuesets',
});
let cds: CdsStack;
/** Every card every persona gets on patient-view, with the request it answered. */
const answered: {
  personaId: string;
  topic: string | null;
  hookInstance: string;
  cards: CdsCard[];
}[] = [];

beforeAll(async () => {
  cds = await startCdsStack();
  for (const persona of cds.personas) {
    const request = patientViewRequest(cds, persona);
    const response = await callCds(cds, CDS_SERVICE_IDS.patientView, request);
    expect(response.status).toBe(200);
    const { cards } = cdsServiceResponseSchema.parse(await response.json());
    answered.push({
      personaId: persona.id,
      topic: persona.topic,
      hookInstance: String(request.hookInstance),
      cards,
    });
  }
});
afterAll(() => cds.close());

const allCards = (): { card: CdsCard; hookInstance: string }[] =>
  answered.flatMap((a) => a.cards.map((card) => ({ card, hookInstance: a.hookInstance })));

function nullsOrEmpties(value: unknown, path = ''): string[] {
  if (value === null || value === '') return [path];
  if (Array.isArray(value))
    return value.length === 0
      ? [path]
      : value.flatMap((v, i) => nullsOrEmpties(v, `${path}[${i}]`));
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0
      ? [path]
      : entries.flatMap(([k, v]) => nullsOrEmpties(v, `${path}.${k}`));
  }
  return [];
}

/** CDS Hooks 2.0.1 §Card Attributes, §Link and §Use of JSON, checked on every card. */
const CARD_RULES: {
  section: string;
  rule: string;
  holds: (card: CdsCard, hookInstance: string) => void;
}[] = [
  {
    section: '§Card Attributes',
    rule: 'summary is under 140 characters',
    holds: (card) => expect(card.summary.length).toBeLessThanOrEqual(139),
  },
  {
    section: '§Card Attributes',
    rule: 'summary says why now, then which case',
    holds: (card) => expect(card.summary).toMatch(/^.+ — \d+-min case: .+$/),
  },
  {
    section: '§Card Attributes',
    rule: 'indicator is one of info, warning, critical (Chartside: info)',
    holds: (card) => expect(card.indicator).toBe('info'),
  },
  {
    section: '§Card Attributes',
    rule: 'uuid is a UUID',
    holds: (card) =>
      expect(card.uuid).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
  },
  {
    section: '§Source',
    rule: 'source has a label, a url and a topic',
    holds: (card) => {
      expect(card.source.label).toMatch(/^Chartside/);
      expect(card.source.url).toMatch(/^https:\/\//);
      expect(card.source.topic?.code).toMatch(/\S/);
    },
  },
  {
    section: '§Reasons for rejecting a card',
    rule: 'every override reason has a display, and "not relevant" is offered',
    holds: (card) => {
      for (const reason of card.overrideReasons ?? []) expect(reason.display).toMatch(/\S/);
      expect(card.overrideReasons?.map((r) => r.code)).toContain('not-relevant');
    },
  },
  {
    section: '§Link',
    rule: 'appContext appears on smart links only',
    holds: (card) => {
      for (const link of card.links ?? [])
        if (link.type === 'absolute') expect(link).not.toHaveProperty('appContext');
      expect(card.links?.filter((l) => l.type === 'smart')).toHaveLength(1);
    },
  },
  {
    section: '§Link',
    rule: 'the smart link appContext names the case, this hook call and this card',
    holds: (card, hookInstance) => {
      const smart = card.links?.find((l) => l.type === 'smart');
      const context = cardAppContextSchema.parse(
        JSON.parse(smart?.type === 'smart' ? (smart.appContext ?? '') : ''),
      );
      expect(context).toMatchObject({ hookInstance, cardUuid: card.uuid });
      expect(library.cases.find((c) => c.id === context.caseId)?.version).toBe(context.version);
      expect(smart?.url).toBe(`${cds.stack.appUrl}/launch`);
    },
  },
  {
    section: '§Link',
    rule: 'an absolute deep link opens the same case for EHRs that drop appContext',
    holds: (card) => {
      const smart = card.links?.find((l) => l.type === 'smart');
      const caseId =
        smart?.type === 'smart'
          ? cardAppContextSchema.parse(JSON.parse(smart.appContext ?? '')).caseId
          : '';
      const absolute = card.links?.find((l) => l.type === 'absolute');
      expect(absolute?.url).toBe(
        `${cds.stack.appUrl}/launch?iss=${encodeURIComponent(cds.fhirServer)}#case=${encodeURIComponent(caseId)}`,
      );
    },
  },
  {
    section: '§Use of JSON',
    rule: 'optional fields are omitted, never null or empty',
    holds: (card) => expect(nullsOrEmpties(card)).toEqual([]),
  },
];

test.each(CARD_RULES.map((r) => [`${r.section}: ${r.rule}`, r] as const))('%s', (_name, r) => {
  const cards = allCards();
  expect(cards.length).toBeGreaterThanOrEqual(12);
  for (const { card, hookInstance } of cards) r.holds(card, hookInstance);
});

test('§Card Attributes: card uuids are unique across calls', () => {
  const uuids = allCards().map(({ card }) => card.uuid);
  expect(new Set(uuids).size).toBe(uuids.length);
});

test('§CDS Service Response: a chart that fits three cases gets two cards', async () => {
  const [host, ...others] = ['sepsis', 'cap', 't2dm'].map((topic) => persona(cds, topic));
  if (!host) throw new Error('no personas');
  // The other charts' problems, labs and orders, as if they were this patient's.
  const moved = (bundle: unknown): Bundle => {
    const b = bundle as Bundle;
    return JSON.parse(
      JSON.stringify(b).replaceAll(/"Patient\/[a-z-]+"/g, `"Patient/${host.id}"`),
    ) as Bundle;
  };
  const prefetch: Record<string, unknown> = { ...personaPrefetch(host) };
  for (const key of ['conditions', 'labs', 'vitals', 'medications']) {
    prefetch[key] = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [host, ...others].flatMap((p) => moved(personaPrefetch(p)[key]).entry ?? []),
    };
  }
  const response = await callCds(
    cds,
    CDS_SERVICE_IDS.patientView,
    patientViewRequest(cds, host, { prefetch }),
  );
  const { cards } = cdsServiceResponseSchema.parse(await response.json());
  expect(cards).toHaveLength(2);
});

test('§CDS Service Response: each persona with a topic gets the case of its topic first', () => {
  for (const a of answered.filter((x) => x.topic !== null)) {
    const first = a.cards[0];
    expect(first?.source.topic?.code, a.personaId).toBe(a.topic);
  }
});

test('§CDS Service Response: a patient who fits no case gets an empty cards array', () => {
  const none = answered.filter((a) => a.topic === null);
  expect(none.length).toBeGreaterThan(0);
  for (const a of none) expect(a.cards).toEqual([]);
});
