import type { Criterion } from './trigger-schema';
import type { MicroCase } from './micro-case-schema';
import { questionBody, variantsOf } from './question-variants';

/** The parts of a FHIR ValueSet the matcher uses: canonical url and expansion. */
export interface ValueSetExpansion {
  url: string;
  version?: string;
  title?: string;
  expansion?: { contains?: { system?: string; code?: string; display?: string }[] };
}

export function leafCriteria(
  criterion: Criterion,
): Exclude<Criterion, { kind: 'all' | 'any' | 'not' }>[] {
  switch (criterion.kind) {
    case 'all':
    case 'any':
      return criterion.of.flatMap(leafCriteria);
    case 'not':
      return leafCriteria(criterion.criterion);
    default:
      return [criterion];
  }
}

/**
 * What the schema alone cannot check across a case and the library: citations that resolve,
 * stem slots that name a trigger criterion, value sets that exist with an expansion, unique ids
 * (option ids unique across a question and its difficulty variants).
 */
export function libraryProblems(cases: MicroCase[], valueSets: ValueSetExpansion[]): string[] {
  const problems: string[] = [];
  const known = new Map(valueSets.map((vs) => [vs.url, vs]));
  const seen = new Set<string>();
  for (const c of cases) {
    const at = (path: string): string => `${c.id}: ${path}`;
    if (seen.has(c.id)) problems.push(at('duplicate case id'));
    seen.add(c.id);
    const citationIds = new Set(c.citations.map((citation) => citation.id));
    if (citationIds.size !== c.citations.length) problems.push(at('duplicate citation id'));
    const cite = (path: string, refs: string[]): void => {
      for (const ref of refs)
        if (!citationIds.has(ref)) problems.push(at(`${path} cites unknown "${ref}"`));
    };
    c.questions.forEach((q, qi) => {
      // Option ids are unique across a question and its variants: an answer's option id then
      // names one variant only, and the case's FHIR code system has one code per option.
      const optionIds = new Set<string>();
      for (const variant of variantsOf(q)) {
        const path =
          variant === 'standard' ? `questions[${qi}]` : `questions[${qi}].variants.${variant}`;
        questionBody(q, variant)?.options.forEach((o, oi) => {
          cite(`${path}.options[${oi}]`, o.citations);
          if (optionIds.has(o.id)) problems.push(at(`${path} repeats option id "${o.id}"`));
          optionIds.add(o.id);
        });
      }
    });
    c.keyPoints.forEach((k, ki) => cite(`keyPoints[${ki}]`, k.citations));
    const leaves = leafCriteria(c.trigger);
    const criterionIds = new Set(leaves.map((leaf) => leaf.id));
    if (criterionIds.size !== leaves.length) problems.push(at('duplicate criterion id in trigger'));
    for (const slot of c.stem.slots) {
      if (!criterionIds.has(slot.criterion))
        problems.push(at(`stem slot names unknown criterion "${slot.criterion}"`));
    }
    for (const leaf of leaves) {
      if (!('valueSet' in leaf)) continue;
      const valueSet = known.get(leaf.valueSet.split('|')[0] ?? '');
      if (!valueSet)
        problems.push(at(`criterion "${leaf.id}" uses unknown value set ${leaf.valueSet}`));
      else if ((valueSet.expansion?.contains ?? []).length === 0) {
        problems.push(at(`value set ${leaf.valueSet} has no expansion`));
      }
    }
    if (c.disclosure.nextReviewDue <= c.disclosure.contentValidityReviewed) {
      problems.push(at('disclosure.nextReviewDue must follow contentValidityReviewed'));
    }
  }
  return problems;
}
