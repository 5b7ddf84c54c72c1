import type { MedicationRequest } from 'fhir/r4';
import { conceptLabel } from '../../core/matcher/chart-values';
import type { FhirPathEvaluator } from '../../core/matcher/evaluate-criterion';
import { codingKeys } from '../../core/matcher/patient-index';
import {
  matchCases,
  type CaseMatch,
  type LearnerHistoryEntry,
} from '../../core/matcher/match-cases';
import { leafCriteria } from '../../core/micro-case/library-problems';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import type { CaseLibrary } from '../library/case-library';
import type { ChartContext } from './resolve-prefetch';

/** At most this many cards per hook call (DOMAIN.md: a sidebar, not a wall). */
export const MAX_CARDS = 2;

export interface CaseSuggestion {
  microCase: MicroCase;
  match: CaseMatch;
  /** Why now, in English, strongest first: what the card summary says. */
  reasons: string[];
}

export interface SelectInput {
  library: CaseLibrary;
  /** Value-set membership by canonical URL (`indexValueSets`), built once per library. */
  valueSetCodes: ReadonlyMap<string, { codes: ReadonlySet<string> }>;
  chart: ChartContext;
  history: readonly LearnerHistoryEntry[];
  now: Date;
  fhirPath?: FhirPathEvaluator;
  /** order-select: the draft orders, and which of them were just selected. */
  order?: { drafts: MedicationRequest[]; selected: ReadonlySet<string> };
}

/**
 * The cases to suggest, best first, with the chart facts that make each one fit — the app's own
 * matcher over the same chart. A case the clinician completed or dismissed recently (the
 * matcher's `lowered`) is not suggested at all. On order-select only cases about the selected
 * order are kept (see `orderRelevant`).
 */
export function selectCases(input: SelectInput): CaseSuggestion[] {
  const run = (chart: ChartContext): CaseMatch[] =>
    matchCases({
      cases: input.library.cases,
      valueSets: input.library.valueSets,
      context: chart,
      history: input.history,
      now: input.now,
      ...(input.fhirPath && { fhirPath: input.fhirPath }),
    }).filter((match) => match.lowered === undefined);
  const byId = new Map(input.library.cases.map((c) => [c.id, c]));
  if (!input.order) {
    return run(input.chart)
      .slice(0, MAX_CARDS)
      .flatMap((match) => suggestion(byId.get(match.caseId), match, []));
  }
  return orderSuggestions(input, input.order, run).slice(0, MAX_CARDS);
}

function orderSuggestions(
  input: SelectInput,
  order: NonNullable<SelectInput['order']>,
  run: (chart: ChartContext) => CaseMatch[],
): CaseSuggestion[] {
  const selected = order.drafts.filter((d) =>
    order.selected.has(`MedicationRequest/${d.id ?? ''}`),
  );
  if (selected.length === 0) return [];
  const selectedCodes = new Set(selected.flatMap((d) => codingKeys(d.medicationCodeableConcept)));
  const ordering = `Ordering ${selected.map((d) => conceptLabel(d.medicationCodeableConcept)).join(', ')}`;
  const withDrafts = run({
    ...input.chart,
    medications: [...input.chart.medications, ...order.drafts],
  });
  const asCharted = new Map(run(input.chart).map((m) => [m.caseId, m]));
  const ranked: { tier: number; item: CaseSuggestion }[] = [];
  for (const microCase of input.library.cases) {
    const medications = leafCriteria(microCase.trigger).flatMap((leaf) =>
      leaf.kind === 'medication' ? [leaf] : [],
    );
    const inValueSet = (url: string): boolean => {
      const codes = input.valueSetCodes.get(url.split('|')[0] ?? '')?.codes;
      return codes !== undefined && [...selectedCodes].some((key) => codes.has(key));
    };
    const drafted = withDrafts.find((m) => m.caseId === microCase.id);
    const charted = asCharted.get(microCase.id);
    // (1) The order itself meets the trigger: a new opioid, an antibiotic for bacteriuria.
    if (drafted?.evidence.some((e) => e.resource !== undefined && order.selected.has(e.resource))) {
      ranked.push({
        tier: 0,
        item: {
          microCase,
          match: drafted,
          reasons: [ordering, ...others(drafted, order.selected)],
        },
      });
      // (2) The order closes the gap the case teaches about: an anticoagulant in untreated AF.
    } else if (charted && medications.some((m) => !m.present && inValueSet(m.valueSet))) {
      ranked.push({
        tier: 0,
        item: {
          microCase,
          match: charted,
          reasons: [ordering, ...others(charted, order.selected)],
        },
      });
      // (3) Another order while that gap stays open: an AF patient still without one.
    } else if (drafted && medications.some((m) => !m.present)) {
      ranked.push({
        tier: 1,
        item: { microCase, match: drafted, reasons: others(drafted, order.selected) },
      });
    }
  }
  return ranked
    .sort((a, b) => a.tier - b.tier || b.item.match.score - a.item.match.score)
    .map((r) => r.item);
}

function others(match: CaseMatch, selected: ReadonlySet<string>): string[] {
  return match.evidence
    .filter((e) => e.resource === undefined || !selected.has(e.resource))
    .map((e) => e.reason.en);
}

function suggestion(
  microCase: MicroCase | undefined,
  match: CaseMatch,
  lead: string[],
): CaseSuggestion[] {
  if (!microCase) return [];
  return [{ microCase, match, reasons: [...lead, ...match.evidence.map((e) => e.reason.en)] }];
}
