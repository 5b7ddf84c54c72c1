/**
 * `npx tsx scripts/match-personas.ts`: which cases each sandbox persona matches, ranked, with
 * the reasons — for case authors tuning triggers. Invalid case files are reported and skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { evaluateFhirPath } from '../core/matcher/fhirpath-evaluator';
import { matchCases } from '../core/matcher/match-cases';
import { microCaseSchema, type MicroCase } from '../core/micro-case/micro-case-schema';
import type { ValueSetExpansion } from '../core/micro-case/library-problems';
import { personaContexts } from './persona-contexts';

const readDir = (dir: string): { name: string; json: unknown }[] =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((name) => ({ name, json: JSON.parse(readFileSync(`${dir}/${name}`, 'utf8')) as unknown }));

const cases: MicroCase[] = [];
for (const { name, json } of readDir('cases')) {
  const parsed = microCaseSchema.safeParse(json);
  if (parsed.success) cases.push(parsed.data);
  else
    process.stdout.write(`SKIPPED cases/${name}: ${parsed.error.issues.length} schema problems\n`);
}
const valueSets = readDir('fhir-profiles/valuesets').map(({ json }) => json as ValueSetExpansion);
const now = new Date();
for (const { persona, context } of personaContexts(now)) {
  const matches = matchCases({ cases, valueSets, context, now, fhirPath: evaluateFhirPath });
  const top = matches[0];
  const verdict =
    persona.topic === null
      ? matches.length === 0
        ? 'ok'
        : 'SHOULD MATCH NOTHING'
      : top && cases.find((c) => c.id === top.caseId)?.topic === persona.topic
        ? 'ok'
        : 'INTENDED CASE NOT FIRST';
  process.stdout.write(`\n${persona.id} (topic ${persona.topic ?? 'none'}): ${verdict}\n`);
  for (const m of matches) {
    process.stdout.write(`  ${m.score.toFixed(2)}  ${m.caseId}\n`);
    for (const e of m.evidence) process.stdout.write(`        - ${e.reason.en}\n`);
  }
}
