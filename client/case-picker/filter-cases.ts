import type { MicroCase } from '../../core/micro-case/micro-case-schema';

/** Lower case without accents, so "neumonia" finds "Neumonía". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * The cases whose searchable texts (title, topic…, as `describe` gives them) contain every
 * word of the query, in any order; an empty query keeps them all.
 */
export function filterCases(
  cases: readonly MicroCase[],
  query: string,
  describe: (microCase: MicroCase) => string[],
): MicroCase[] {
  const words = fold(query)
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return [...cases];
  return cases.filter((microCase) => {
    const haystack = fold(describe(microCase).join(' '));
    return words.every((word) => haystack.includes(word));
  });
}
