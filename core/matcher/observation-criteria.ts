import type { Observation } from 'fhir/r4';
import {
  COMPARATOR_SIGN,
  compare,
  conceptLabel,
  displayUnit,
  formatChartValue,
  formatNumber,
  observationDate,
  valueIn,
  withinWindow,
  type ChartValue,
} from './chart-values';
import { criterionCodes, day, type EvaluationScope, type Leaf } from './evaluation-scope';
import { NO_MATCH, type Evaluation, type Evidence } from './evidence';

function observationsInWindow(
  c: Leaf<'observation'> | Leaf<'trend'>,
  scope: EvaluationScope,
): Observation[] {
  return scope.index
    .find<Observation>('Observation', criterionCodes(scope, c.valueSet))
    .filter((o) => withinWindow(observationDate(o), c.within, scope.now))
    .sort((a, b) => Date.parse(observationDate(b) ?? '') - Date.parse(observationDate(a) ?? ''));
}

/** An observation criterion: presence, or the latest (or any) value against a threshold. */
export function evaluateObservation(c: Leaf<'observation'>, scope: EvaluationScope): Evaluation {
  const candidates = observationsInWindow(c, scope);
  const evidenceFor = (o: Observation, chart?: ChartValue): Evidence => {
    const component =
      c.component === undefined
        ? undefined
        : o.component?.find((part) =>
            part.code.coding?.some((coding) => coding.code === c.component),
          );
    const label = conceptLabel(component?.code ?? o.code);
    const date = observationDate(o);
    if (!chart || c.unit === undefined || c.comparator === undefined || c.value === undefined) {
      return {
        criterionId: c.id,
        resource: `Observation/${o.id ?? ''}`,
        date,
        reason: { en: `${label} on ${day(date)}`, es: `${label} el ${day(date)}` },
      };
    }
    const shown = formatChartValue(chart, c.unit);
    const test = `${COMPARATOR_SIGN[c.comparator]} ${formatNumber(c.value)} ${displayUnit(c.unit)}`;
    return {
      criterionId: c.id,
      resource: `Observation/${o.id ?? ''}`,
      date,
      value: chart.value,
      unit: c.unit,
      reason: {
        en: `${label} ${shown} on ${day(date)} ${test}`,
        es: `${label} ${shown} el ${day(date)} ${test}`,
      },
    };
  };
  if (c.comparator === undefined || c.value === undefined || c.unit === undefined) {
    const first = candidates[0];
    return first ? { matched: true, evidence: [evidenceFor(first)] } : NO_MATCH;
  }
  const { comparator, value: threshold, unit } = c;
  const valued = candidates.flatMap((o) => {
    const chart = valueIn(o, unit, { component: c.component, molarMass: c.molarMass });
    return chart ? [{ o, chart }] : [];
  });
  const passing =
    c.which === 'any'
      ? valued.filter(({ chart }) => compare(chart.value, comparator, threshold))
      : valued.slice(0, 1).filter(({ chart }) => compare(chart.value, comparator, threshold));
  const best = passing[0];
  return best ? { matched: true, evidence: [evidenceFor(best.o, best.chart)] } : NO_MATCH;
}

/** A trend criterion: a later value that rose enough above the lowest earlier one. */
export function evaluateTrend(c: Leaf<'trend'>, scope: EvaluationScope): Evaluation {
  const series = observationsInWindow(c, scope)
    .reverse()
    .flatMap((o) => {
      const chart = valueIn(o, c.unit, { molarMass: c.molarMass });
      return chart ? [{ o, chart, time: Date.parse(observationDate(o) ?? '') }] : [];
    });
  let lowest: (typeof series)[number] | undefined;
  let best: { from: (typeof series)[number]; to: (typeof series)[number] } | undefined;
  for (const point of series) {
    if (lowest) {
      const rise = point.chart.value - lowest.chart.value;
      const ratio = lowest.chart.value > 0 ? point.chart.value / lowest.chart.value : 0;
      if (
        (c.riseAtLeast !== undefined && rise >= c.riseAtLeast - 1e-9) ||
        (c.ratioAtLeast !== undefined && ratio >= c.ratioAtLeast)
      ) {
        best = { from: lowest, to: point };
      }
    }
    if (!lowest || point.chart.value < lowest.chart.value) lowest = point;
  }
  if (!best) return NO_MATCH;
  const label = conceptLabel(best.to.o.code);
  const hours = Math.round((best.to.time - best.from.time) / 3_600_000);
  const span = `${formatNumber(best.from.chart.value)} → ${formatNumber(best.to.chart.value)} ${displayUnit(c.unit)}`;
  const date = observationDate(best.to.o);
  return {
    matched: true,
    evidence: [
      {
        criterionId: c.id,
        resource: `Observation/${best.to.o.id ?? ''}`,
        date,
        value: best.to.chart.value,
        unit: c.unit,
        reason: {
          en: `${label} rose ${span} in ${hours} h (by ${day(date)})`,
          es: `${label} subió ${span} en ${hours} h (hasta el ${day(date)})`,
        },
      },
    ],
  };
}
