import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { libraryProblems, type ValueSetExpansion } from '../../core/micro-case/library-problems';
import { microCaseSchema, type MicroCase } from '../../core/micro-case/micro-case-schema';
import { valueSetExpansionSchema } from '../../core/wire/library';
import { AppError } from '../http/app-error';
import {
  checkVersionLock,
  contentFingerprint,
  LOCK_FILE,
  readVersionLock,
  versionKey,
} from './case-version-lock';

/** Earlier published versions live in `{casesDir}/archive/`, named `{id}@{version}.json`. */
const ARCHIVE = 'archive';

export interface CaseLibrary {
  /** The current version of each case: what is suggested, taught and served as content. */
  cases: MicroCase[];
  /**
   * Earlier published versions (`cases/archive/`), never suggested: an attempt finished on one
   * before an update still earns its credit, and a credit still shows what its version taught.
   */
  archived?: MicroCase[];
  valueSets: ValueSetExpansion[];
}

export interface LoadedCaseLibrary extends CaseLibrary {
  archived: MicroCase[];
  /** `id@version` → fingerprint of the file's JSON, for every current and archived case. */
  fingerprints: ReadonlyMap<string, string>;
  /** Versions `cases/versions.lock.json` does not name yet: drafts until `npm run cases:lock`. */
  unlocked: string[];
}

/** The case at exactly this version, current or archived, if the library has it. */
export function findCaseVersion(
  library: CaseLibrary,
  caseId: string,
  caseVersion: string,
): MicroCase | undefined {
  const exact = (c: MicroCase): boolean => c.id === caseId && c.version === caseVersion;
  return library.cases.find(exact) ?? library.archived?.find(exact);
}

/** The case at exactly this version, current or archived, or 422 `CASE_UNKNOWN` naming `caseId`. */
export function requireCaseVersion(
  library: CaseLibrary,
  caseId: string,
  caseVersion: string,
): MicroCase {
  const found = findCaseVersion(library, caseId, caseVersion);
  if (!found)
    throw new AppError('CASE_UNKNOWN', 422, `No case ${caseId} version ${caseVersion}`, ['caseId']);
  return found;
}

/** For a record of a credit: the version credited where the library has it, else the current. */
export function caseForRecord(
  library: CaseLibrary,
  caseId: string,
  caseVersion: string,
): MicroCase | undefined {
  return (
    findCaseVersion(library, caseId, caseVersion) ?? library.cases.find((c) => c.id === caseId)
  );
}

function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

async function readJsonFiles(
  dir: string,
  { optional = false } = {},
): Promise<{ file: string; json: unknown }[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const names = entries.filter((name) => name.endsWith('.json') && name !== LOCK_FILE).sort();
  return Promise.all(
    names.map(async (name) => ({
      file: join(dir, name),
      json: JSON.parse(await readFile(join(dir, name), 'utf8')) as unknown,
    })),
  );
}

/** What an archived version must be: named for itself, of a current case, older than it. */
function archiveProblems(archived: MicroCase, file: string, cases: MicroCase[]): string[] {
  const key = versionKey(archived.id, archived.version);
  const current = cases.find((c) => c.id === archived.id);
  const problems: string[] = [];
  if (basename(file) !== `${key}.json`)
    problems.push(`${file}: an archived case is named ${key}.json`);
  if (!current) problems.push(`${file}: archived ${key} has no current case`);
  else if (compareVersions(archived.version, current.version) >= 0)
    problems.push(`${file}: archived ${key} is not older than the current ${current.version}`);
  return problems;
}

/**
 * Reads and validates the micro-case library (cases/*.json, earlier versions in cases/archive/)
 * and its value sets (fhir-profiles/valuesets/*.json), and holds every version against
 * cases/versions.lock.json. Any problem fails the whole load, each named by file and path.
 */
export async function loadCaseLibrary(dirs: {
  casesDir: string;
  valueSetsDir: string;
}): Promise<LoadedCaseLibrary> {
  const problems: string[] = [];
  const fingerprints = new Map<string, string>();
  const readCases = async (
    dir: string,
    optional = false,
  ): Promise<{ file: string; microCase: MicroCase }[]> => {
    const read: { file: string; microCase: MicroCase }[] = [];
    for (const { file, json } of await readJsonFiles(dir, { optional })) {
      const parsed = microCaseSchema.safeParse(json);
      if (!parsed.success) {
        problems.push(`${file}:\n${z.prettifyError(parsed.error)}`);
        continue;
      }
      const key = versionKey(parsed.data.id, parsed.data.version);
      if (fingerprints.has(key)) problems.push(`${file}: ${key} is in the library twice`);
      fingerprints.set(key, contentFingerprint(json));
      read.push({ file, microCase: parsed.data });
    }
    return read;
  };
  const cases = (await readCases(dirs.casesDir)).map(({ microCase }) => microCase);
  const archived: MicroCase[] = [];
  for (const { file, microCase } of await readCases(join(dirs.casesDir, ARCHIVE), true)) {
    problems.push(...archiveProblems(microCase, file, cases));
    archived.push(microCase);
  }
  const valueSets: ValueSetExpansion[] = [];
  for (const { file, json } of await readJsonFiles(dirs.valueSetsDir)) {
    const parsed = valueSetExpansionSchema.safeParse(json);
    if (parsed.success) valueSets.push(parsed.data);
    else problems.push(`${file}:\n${z.prettifyError(parsed.error)}`);
  }
  problems.push(...libraryProblems(cases, valueSets));
  for (const old of archived) problems.push(...libraryProblems([old], valueSets));
  const lock = await readVersionLock(dirs.casesDir);
  const held = lock
    ? checkVersionLock(lock, fingerprints)
    : { problems: [], unlocked: [...fingerprints.keys()] };
  problems.push(...held.problems);
  if (problems.length > 0)
    throw new Error(`The case library has problems:\n${problems.join('\n')}`);
  return { cases, archived, valueSets, fingerprints, unlocked: held.unlocked };
}
