import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { libraryProblems, type ValueSetExpansion } from '../../core/micro-case/library-problems';
import { microCaseSchema, type MicroCase } from '../../core/micro-case/micro-case-schema';
import { valueSetExpansionSchema } from '../../core/wire/library';
import { AppError } from '../http/app-error';

export interface CaseLibrary {
  cases: MicroCase[];
  valueSets: ValueSetExpansion[];
}

/** The case at exactly this version, or 422 `CASE_UNKNOWN` naming `caseId`. */
export function requireCaseVersion(
  library: CaseLibrary,
  caseId: string,
  caseVersion: string,
): MicroCase {
  const found = library.cases.find((c) => c.id === caseId && c.version === caseVersion);
  if (!found)
    throw new AppError('CASE_UNKNOWN', 422, `No case ${caseId} version ${caseVersion}`, ['caseId']);
  return found;
}

async function readJsonFiles(dir: string): Promise<{ file: string; json: unknown }[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => ({
      file: join(dir, name),
      json: JSON.parse(await readFile(join(dir, name), 'utf8')) as unknown,
    })),
  );
}

/**
 * Reads and validates the micro-case library (cases/*.json) and its value sets
 * (fhir-profiles/valuesets/*.json). Any problem fails the whole load, each named by file and path.
 */
export async function loadCaseLibrary(dirs: {
  casesDir: string;
  valueSetsDir: string;
}): Promise<CaseLibrary> {
  const problems: string[] = [];
  const cases: MicroCase[] = [];
  for (const { file, json } of await readJsonFiles(dirs.casesDir)) {
    const parsed = microCaseSchema.safeParse(json);
    if (parsed.success) cases.push(parsed.data);
    else problems.push(`${file}:\n${z.prettifyError(parsed.error)}`);
  }
  const valueSets: ValueSetExpansion[] = [];
  for (const { file, json } of await readJsonFiles(dirs.valueSetsDir)) {
    const parsed = valueSetExpansionSchema.safeParse(json);
    if (parsed.success) valueSets.push(parsed.data);
    else problems.push(`${file}:\n${z.prettifyError(parsed.error)}`);
  }
  problems.push(...libraryProblems(cases, valueSets));
  if (problems.length > 0)
    throw new Error(`The case library has problems:\n${problems.join('\n')}`);
  return { cases, valueSets };
}
