import type { Encounter, FhirResource, Patient } from 'fhir/r4';
import { expect, test } from 'vitest';
import { buildStaff, STAFF } from '../personas';
import { generatePanel } from './generate-panel';
import { GENERATED_PANEL_TAG } from './panel-chart';

const NOW = new Date('2026-11-26T15:30:00Z');
const panel = generatePanel({ now: NOW, seed: 1, patientsPerClinician: 300 });
const staff = buildStaff();
const key = (r: FhirResource): string => `${r.resourceType}/${r.id ?? ''}`;

/** Every value under `node` whose property name is `name`. */
function collect(node: unknown, name: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => collect(n, name, out));
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === name) out.push(v);
      collect(v, name, out);
    }
  }
  return out;
}

function dates(node: unknown): string[] {
  if (typeof node === 'string') return /^\d{4}-\d{2}-\d{2}(T|$)/.test(node) ? [node] : [];
  if (Array.isArray(node)) return node.flatMap(dates);
  if (node !== null && typeof node === 'object') return Object.values(node).flatMap(dates);
  return [];
}

test('the same options give byte-identical output, and another seed gives other patients', () => {
  const again = generatePanel({ now: new Date(NOW), seed: 1, patientsPerClinician: 300 });
  expect(JSON.stringify(again)).toBe(JSON.stringify(panel));
  const other = generatePanel({ now: NOW, seed: 2, patientsPerClinician: 300 });
  expect(JSON.stringify(other.resources)).not.toBe(JSON.stringify(panel.resources));
  expect(other.resources.length).not.toBe(panel.resources.length);
});

test('ids are unique, short and panel-prefixed, and do not collide with the staff', () => {
  const keys = [...panel.resources, staff.organization, ...staff.practitioners].map(key);
  expect(new Set(keys).size).toBe(keys.length);
  for (const r of panel.resources) expect(r.id, key(r)).toMatch(/^panel-\d{4}(-[a-z]+-\d+)?$/);
});

test('every reference resolves inside the panel or the staff', () => {
  const known = new Set(
    [...panel.resources, staff.organization, ...staff.practitioners, ...staff.roles].map(key),
  );
  const refs = collect(panel.resources, 'reference');
  expect(refs.length).toBeGreaterThan(panel.resources.length);
  for (const ref of refs) expect(known.has(ref as string), String(ref)).toBe(true);
});

test('nothing is dated after now, and the data covers about a year before it', () => {
  const all = dates(panel.resources).map((d) => Date.parse(d));
  expect(Math.max(...all)).toBeLessThanOrEqual(NOW.getTime());
  const encounterStarts = panel.resources
    .filter((r): r is Encounter => r.resourceType === 'Encounter')
    .map((e) => (NOW.getTime() - Date.parse(e.period?.start ?? '')) / 86_400_000);
  expect(Math.min(...encounterStarts)).toBeLessThan(20);
  expect(Math.max(...encounterStarts)).toBeGreaterThan(330);
  expect(Math.max(...encounterStarts)).toBeLessThanOrEqual(365);
});

test('patients are tagged as generated and their ages cross every measure age limit', () => {
  const patients = panel.resources.filter((r): r is Patient => r.resourceType === 'Patient');
  expect(patients).toHaveLength(900);
  for (const p of patients) expect(p.meta?.tag).toEqual([GENERATED_PANEL_TAG]);
  const ages = patients.map((p) => NOW.getUTCFullYear() - Number(p.birthDate?.slice(0, 4)));
  expect(Math.min(...ages)).toBeLessThanOrEqual(22);
  expect(Math.max(...ages)).toBeGreaterThanOrEqual(90);
  for (const [low, high] of [
    [18, 75],
    [76, 85],
    [86, 93],
  ] as const) {
    expect(ages.filter((a) => a >= low && a <= high).length, `${low}–${high}`).toBeGreaterThan(30);
  }
});

test('each clinician has at least 250 patients with an encounter attributed to them', () => {
  const byClinician = new Map<string, Set<string>>();
  for (const r of panel.resources) {
    if (r.resourceType !== 'Encounter') continue;
    for (const part of r.participant ?? []) {
      const who = part.individual?.reference ?? '';
      byClinician.set(who, (byClinician.get(who) ?? new Set()).add(r.subject?.reference ?? ''));
    }
  }
  for (const id of [STAFF.internist, STAFF.cardiologist, STAFF.emergencyPa]) {
    expect(byClinician.get(`Practitioner/${id}`)?.size, id).toBeGreaterThanOrEqual(250);
  }
  expect(panel.summary.perClinician[STAFF.cardiologist].patients).toBe(300);
  expect(panel.summary.resources).toBe(panel.resources.length);
  expect(panel.summary.resourcesByType.Patient).toBe(900);
  expect(panel.summary.note).toMatch(/synthetic demo data, not evidence/i);
});

test('size 0 is no panel at all', () => {
  const none = generatePanel({ now: NOW, seed: 1, patientsPerClinician: 0 });
  expect(none.resources).toEqual([]);
  expect(none.summary.patients).toBe(0);
  expect(none.summary.learning).toEqual([]);
});

test.each([
  [{ now: NOW, seed: 1, patientsPerClinician: 5 }, 'patientsPerClinician'],
  [{ now: NOW, seed: 1, patientsPerClinician: 2001 }, 'patientsPerClinician'],
  [{ now: NOW, seed: 1.5, patientsPerClinician: 300 }, 'seed'],
  [{ now: NOW, seed: -1, patientsPerClinician: 300 }, 'seed'],
  [{ now: new Date('not a date'), seed: 1, patientsPerClinician: 300 }, 'now'],
])('bad options are refused with a message naming the field (%#)', (options, field) => {
  expect(() => generatePanel(options)).toThrow(
    new RegExp(`Invalid panel options[\\s\\S]*${field}`),
  );
});
