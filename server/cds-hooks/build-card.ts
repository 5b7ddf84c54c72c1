import type { CdsCard } from '../../core/cds-hooks/card';
import {
  CARD_TOPIC_SYSTEM,
  OVERRIDE_REASON_SYSTEM,
  OVERRIDE_REASONS,
} from '../../core/cds-hooks/service-ids';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';

export const SUMMARY_MAX = 139;

export interface CardInput {
  microCase: MicroCase;
  reasons: readonly string[];
  hookInstance: string;
  uuid: string;
  publicUrl: string;
  /** The tenant's FHIR base: the absolute link relaunches from it. */
  tenantIss: string;
  now: Date;
}

const DAY_MS = 86_400_000;

/** "on 2026-11-21" → "5 days ago": a card is read at the bedside, in relative time. */
export function relativeDays(text: string, now: Date): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const ago = (date: string): string | undefined => {
    const days = Math.round((today - Date.parse(`${date}T00:00:00Z`)) / DAY_MS);
    if (days === 0) return 'today';
    if (days === 1) return 'yesterday';
    return days > 1 && days <= 60 ? `${days} days ago` : undefined;
  };
  return text
    .replace(/ \(by \d{4}-\d{2}-\d{2}\)/g, '')
    .replace(/ \((?:SNOMED CT|ICD-10-CM) [^)]*\)/g, '')
    .replace(/\bon (\d{4}-\d{2}-\d{2})/g, (match, date: string) => ago(date) ?? match)
    .replace(/\bordered (\d{4}-\d{2}-\d{2})/g, (match, date: string) => {
      const when = ago(date);
      return when === undefined ? match : `ordered ${when}`;
    });
}

/** `text` cut at a word to at most `max` characters, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—-]+$/, '')}…`;
}

/**
 * The card summary (CDS Hooks 2.0.1 §Card Attributes, < 140 characters): why now, then which
 * case — "Lactate 4.1 mmol/L today ≥ 2 mmol/L — 7-min case: sepsis hour-1 bundle".
 */
export function cardSummary(microCase: MicroCase, reasons: readonly string[], now: Date): string {
  const full = microCase.cardSummary.en;
  const name = full.split(' — ')[0] ?? full;
  const why = reasons.slice(0, 2).map((r) => relativeDays(r, now));
  for (const count of [2, 1]) {
    const text = `${why.slice(0, count).join('; ')} — ${name}`;
    if (why.length >= count && text.length <= SUMMARY_MAX) return text;
  }
  if (why[0] === undefined) return clip(full, SUMMARY_MAX);
  return `${clip(why[0], SUMMARY_MAX - name.length - 3)} — ${name}`;
}

/** The card source's url: the case's first citation. */
export function sourceUrl(microCase: MicroCase): string | undefined {
  const citation = microCase.citations[0];
  if (citation?.url !== undefined) return citation.url;
  return citation?.doi === undefined ? undefined : `https://doi.org/${citation.doi}`;
}

/** The card's source (§Source): the guideline that backs the case, and the case's topic. */
export function cardSource(microCase: MicroCase): CdsCard['source'] {
  const citation = microCase.citations[0];
  const url = sourceUrl(microCase);
  return {
    label: citation
      ? clip(
          `Chartside · ${citation.organization.replace(/\s*\([^)]*\)/g, '')} ${citation.year}`,
          80,
        )
      : 'Chartside',
    ...(url !== undefined && { url }),
    topic: { system: CARD_TOPIC_SYSTEM, code: microCase.topic, display: microCase.title.en },
  };
}

/** Our override reasons, each with its display (§Override Reasons). */
export function cardOverrideReasons(): NonNullable<CdsCard['overrideReasons']> {
  return OVERRIDE_REASONS.map((r) => ({
    system: OVERRIDE_REASON_SYSTEM,
    code: r.code,
    display: r.display,
  }));
}

/**
 * One Chartside card (CDS Hooks 2.0.1 §Card Attributes, §Link): `info`, a source naming the
 * guideline, our override reasons with display, a SMART link whose `appContext` names the case
 * and this card, and an absolute deep link to the same case for EHRs that drop `appContext`.
 */
export function buildCard(input: CardInput): CdsCard {
  const { microCase } = input;
  const appContext = JSON.stringify({
    caseId: microCase.id,
    version: microCase.version,
    hookInstance: input.hookInstance,
    cardUuid: input.uuid,
  });
  const why = input.reasons.slice(0, 4).map((r) => `- ${relativeDays(r, input.now)}`);
  return {
    uuid: input.uuid,
    summary: cardSummary(microCase, input.reasons, input.now),
    detail: [
      `**${microCase.title.en}** (${microCase.minutes} min)`,
      ...(why.length > 0 ? ['', 'Why now:', ...why] : []),
      '',
      microCase.clinicalQuestion.en,
    ].join('\n'),
    indicator: 'info',
    source: cardSource(microCase),
    overrideReasons: cardOverrideReasons(),
    links: [
      {
        label: `Open the ${microCase.minutes}-min case in Chartside`,
        url: `${input.publicUrl}/launch`,
        type: 'smart',
        appContext,
      },
      {
        label: 'Open this case in Chartside (if the app does not open)',
        url: `${input.publicUrl}/launch?iss=${encodeURIComponent(input.tenantIss)}#case=${encodeURIComponent(microCase.id)}`,
        type: 'absolute',
      },
    ],
  };
}
