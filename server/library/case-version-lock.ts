import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * `cases/versions.lock.json`: the fingerprint of every published case version. A credit names
 * a case by id and version, and an accreditor may ask what that version taught; so a published
 * version's content never changes and never disappears. Changing a case means a new version,
 * with the old file moved to `cases/archive/{id}@{version}.json`.
 */
export const LOCK_FILE = 'versions.lock.json';

const lockSchema = z.record(z.string(), z.record(z.string(), z.string()));
export type VersionLock = z.infer<typeof lockSchema>;

/** `id@version`, the key a case version goes by in messages and maps. */
export function versionKey(id: string, version: string): string {
  return `${id}@${version}`;
}

/** JSON with object keys sorted at every level, so formatting and key order do not count. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fingerprint of a case file's JSON as written (before the schema adds defaults). */
export function contentFingerprint(json: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(json)).digest('hex')}`;
}

/** The lock in `casesDir`, or undefined where there is none (a scratch library in a test). */
export async function readVersionLock(casesDir: string): Promise<VersionLock | undefined> {
  let text: string;
  try {
    text = await readFile(join(casesDir, LOCK_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return lockSchema.parse(JSON.parse(text));
}

export async function writeVersionLock(casesDir: string, lock: VersionLock): Promise<void> {
  const sorted = Object.fromEntries(
    Object.keys(lock)
      .sort()
      .map((id) => [id, Object.fromEntries(Object.entries(lock[id] ?? {}).sort())]),
  );
  await writeFile(join(casesDir, LOCK_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
}

/**
 * Held against the lock: a locked version whose content changed or whose file is gone is a
 * problem (the library refuses to load); a version the lock does not name yet is `unlocked`
 * (a draft, until `npm run cases:lock` publishes it).
 */
export function checkVersionLock(
  lock: VersionLock,
  fingerprints: ReadonlyMap<string, string>,
): { problems: string[]; unlocked: string[] } {
  const problems: string[] = [];
  for (const [id, versions] of Object.entries(lock)) {
    for (const [version, locked] of Object.entries(versions)) {
      const key = versionKey(id, version);
      const found = fingerprints.get(key);
      if (found === undefined)
        problems.push(`${key} was published and its file is gone: restore it to cases/archive/`);
      else if (found !== locked)
        problems.push(
          `${key} changed after it was published: give the case a new version and move the ` +
            `published file to cases/archive/${key}.json unchanged`,
        );
    }
  }
  const unlocked = [...fingerprints.keys()].filter((key) => {
    const [id = '', version = ''] = key.split('@');
    return lock[id]?.[version] === undefined;
  });
  return { problems, unlocked };
}
