import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import type { ValueSetExpansion } from '../core/micro-case/library-problems';
import type { Criterion } from '../core/micro-case/trigger-schema';

/**
 * The baseline the matcher is measured against: the same trigger criteria answered by
 * fhirpath.js over the raw Bundle each time (no index), the way a FHIRPath-only engine would.
 * Selection runs in FHIRPath; the boolean glue and trend arithmetic run in plain code.
 */
export function fhirPathBaseline(valueSets: readonly ValueSetExpansion[], now: Date) {
  const codes = new Map(valueSets.map((vs) => [vs.url, vs.expansion?.contains ?? []]));
  const compiled = new Map<string, (bundle: unknown) => unknown[]>();
  const run = (bundle: unknown, expression: string): unknown[] => {
    let fn = compiled.get(expression);
    if (!fn) {
      fn = fhirpath.compile(expression, r4) as (bundle: unknown) => unknown[];
      compiled.set(expression, fn);
    }
    return fn(bundle);
  };
  const since = (hours: number): string =>
    `@${new Date(now.getTime() - hours * 3_600_000).toISOString()}`;
  const windowHours = (d: { hours?: number; days?: number }): number =>
    (d.days ?? 0) * 24 + (d.hours ?? 0);
  const inSet = (url: string): string =>
    `code.coding.where(${(codes.get(url) ?? []).map((c) => `(system = '${c.system ?? ''}' and code = '${c.code ?? ''}')`).join(' or ') || 'false'}).exists()`;

  const evaluate = (criterion: Criterion, bundle: unknown): boolean => {
    switch (criterion.kind) {
      case 'all':
        return criterion.of.every((c) => evaluate(c, bundle));
      case 'any':
        return criterion.of.some((c) => evaluate(c, bundle));
      case 'not':
        return !evaluate(criterion.criterion, bundle);
      case 'condition':
        return (
          run(
            bundle,
            `entry.resource.ofType(Condition).where(clinicalStatus.coding.code in ('active' | 'recurrence' | 'relapse') and ${inSet(criterion.valueSet)}).exists()`,
          )[0] === true
        );
      case 'observation': {
        const value = criterion.component
          ? `component.where(code.coding.code = '${criterion.component}').value.value`
          : 'value.value';
        const test =
          criterion.comparator && criterion.value !== undefined
            ? ` and ${value} ${criterion.comparator} ${criterion.value}`
            : '';
        return (
          run(
            bundle,
            `entry.resource.ofType(Observation).where(status in ('final' | 'amended' | 'corrected' | 'preliminary') and ${inSet(criterion.valueSet)} and effective >= ${since(windowHours(criterion.within))}${test}).exists()`,
          )[0] === true
        );
      }
      case 'trend': {
        const values = run(
          bundle,
          `entry.resource.ofType(Observation).where(${inSet(criterion.valueSet)} and effective >= ${since(windowHours(criterion.within))}).value.value`,
        ) as number[];
        return (
          values.length > 1 &&
          Math.max(...values) - Math.min(...values) >= (criterion.riseAtLeast ?? 0)
        );
      }
      case 'medication':
        return (
          (run(
            bundle,
            `entry.resource.ofType(MedicationRequest).where(status = 'active' and medication.${inSet(criterion.valueSet)}).exists()`,
          )[0] ===
            true) ===
          criterion.present
        );
      case 'encounter-class':
        return (
          run(
            bundle,
            `entry.resource.ofType(Encounter).where(class.code in (${criterion.classes.map((c) => `'${c}'`).join(' | ')})).exists()`,
          )[0] === true
        );
      case 'age':
      case 'sex':
        return run(bundle, 'entry.resource.ofType(Patient).exists()')[0] === true;
      case 'fhirpath':
        return run(bundle, criterion.expression).length > 0;
    }
  };
  return evaluate;
}
