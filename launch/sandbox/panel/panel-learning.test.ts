import type { Condition, Encounter, MedicationRequest, Observation } from 'fhir/r4';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generatePanel } from './generate-panel';
import {
  careRate,
  learningPatientId,
  PANEL_CARE_RATES,
  PANEL_LEARNING,
  PANEL_LEARNING_DAYS_AGO,
} from './panel-learning';

const NOW = new Date('2026-11-26T15:30:00Z');
const DAY = 86_400_000;
const { resources } = generatePanel({ now: NOW, seed: 7, patientsPerClinician: 10 });
const byKey = new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r]));

function codes(valueSet: string): Set<string> {
  const vs = JSON.parse(readFileSync(`fhir-profiles/valuesets/${valueSet}.json`, 'utf8')) as {
    expansion: { contains: { system: string; code: string }[] };
  };
  return new Set(vs.expansion.contains.map((c) => `${c.system}|${c.code}`));
}
const has = (
  concept: { coding?: { system?: string; code?: string }[] } | undefined,
  vs: string,
) => {
  const set = codes(vs);
  return (concept?.coding ?? []).some((c) => set.has(`${c.system}|${c.code}`));
};

/** The resources of one patient, as the case's trigger would see them at `at`. */
function chartAt(patient: string, at: number) {
  const own = resources.filter(
    (r) => (r as { subject?: { reference?: string } }).subject?.reference === patient,
  );
  const before = (t: string | undefined) => Date.parse(t ?? '') <= at;
  return {
    conditions: own.filter(
      (r): r is Condition => r.resourceType === 'Condition' && before(r.onsetDateTime),
    ),
    observations: own
      .filter(
        (r): r is Observation => r.resourceType === 'Observation' && before(r.effectiveDateTime),
      )
      .sort(
        (a, b) => Date.parse(a.effectiveDateTime ?? '') - Date.parse(b.effectiveDateTime ?? ''),
      ),
    meds: own.filter(
      (r): r is MedicationRequest => r.resourceType === 'MedicationRequest' && before(r.authoredOn),
    ),
  };
}
const latest = (obs: Observation[], vs: string) => obs.filter((o) => has(o.code, vs)).at(-1);

/** Each case's trigger (cases/<id>.json), checked by hand at the end of the learning encounter. */
const TRIGGERS: Record<string, (c: ReturnType<typeof chartAt>, e: Encounter) => boolean> = {
  't2dm-intensify-cardiorenal': (c) =>
    c.conditions.some((x) => has(x.code, 't2dm-diagnoses')) &&
    (latest(c.observations, 't2dm-hba1c')?.valueQuantity?.value ?? 0) > 9,
  'htn-uncontrolled-intensify': (c, e) => {
    const bp = latest(c.observations, 'htn-blood-pressure');
    const systolic = bp?.component?.find((x) => x.code.coding?.[0]?.code === '8480-6');
    return (
      e.class.code === 'AMB' &&
      c.conditions.some((x) => has(x.code, 'htn-diagnoses')) &&
      (systolic?.valueQuantity?.value ?? 0) >= 140
    );
  },
  'opioids-acute-pain-benzodiazepine': (c, e) =>
    c.meds.some(
      (m) =>
        has(m.medicationCodeableConcept, 'opioids-analgesics') &&
        m.encounter?.reference === `Encounter/${e.id}`,
    ) &&
    c.meds.some(
      (m) => has(m.medicationCodeableConcept, 'opioids-benzodiazepines') && m.status === 'active',
    ),
  'hfref-gdmt-four-pillars': (c) =>
    c.conditions.some((x) => has(x.code, 'hfref-diagnoses')) &&
    (latest(c.observations, 'hfref-lvef')?.valueQuantity?.value ?? 100) <= 40 &&
    !c.meds.some((m) => has(m.medicationCodeableConcept, 'hfref-acei-arb-arni')),
  'sepsis-hour-1-bundle': (c, e) =>
    c.conditions.some(
      (x) => has(x.code, 'sepsis-diagnoses') && x.encounter?.reference === `Encounter/${e.id}`,
    ) && (latest(c.observations, 'sepsis-lactate')?.valueQuantity?.value ?? 0) >= 2,
};

test('there is one learning entry per clinician and case named in the brief, all 120 days ago', () => {
  expect(
    PANEL_LEARNING.map((l) => `${l.clinicianId} ${l.caseId} ${l.measureIds.join('+')}`),
  ).toEqual([
    'dr-amara-osei t2dm-intensify-cardiorenal CMS122',
    'dr-amara-osei htn-uncontrolled-intensify CMS165',
    'dr-amara-osei opioids-acute-pain-benzodiazepine CMS506',
    'dr-lena-kowalski hfref-gdmt-four-pillars CMS135+CMS144',
    'pa-marcus-reed sepsis-hour-1-bundle SEP-1',
    'pa-marcus-reed opioids-acute-pain-benzodiazepine CMS506',
  ]);
  for (const l of PANEL_LEARNING) {
    expect(l.daysAgo).toBe(PANEL_LEARNING_DAYS_AGO);
    const measures = (
      JSON.parse(readFileSync(`cases/${l.caseId}.json`, 'utf8')) as {
        qualityMeasures: { id: string }[];
      }
    ).qualityMeasures.map((m) => m.id);
    for (const id of l.measureIds) expect(measures, l.caseId).toContain(id);
  }
});

test.each(PANEL_LEARNING.map((l, i) => [l.encounterId, l, i] as const))(
  '%s exists on the learning day, is attributed to its clinician and triggers its case',
  (_id, l, index) => {
    const encounter = byKey.get(`Encounter/${l.encounterId}`) as Encounter | undefined;
    expect(encounter).toBeDefined();
    if (encounter === undefined) return;
    expect(encounter.participant?.map((p) => p.individual?.reference)).toEqual([
      `Practitioner/${l.clinicianId}`,
    ]);
    const start = Date.parse(encounter.period?.start ?? '');
    expect((NOW.getTime() - start) / DAY).toBeGreaterThanOrEqual(l.daysAgo);
    expect((NOW.getTime() - start) / DAY).toBeLessThan(l.daysAgo + 1);
    const patient = encounter.subject?.reference ?? '';
    const end = Date.parse(encounter.period?.end ?? '');
    const trigger = TRIGGERS[l.caseId];
    expect(trigger?.(chartAt(patient, end), encounter), l.caseId).toBe(true);
    // The same check fails for the next learning patient, built for another case.
    const other = `Patient/${learningPatientId((index + 1) % PANEL_LEARNING.length)}`;
    expect(trigger?.(chartAt(other, end), encounter), other).toBe(false);
  },
);

test('the rate table is marked synthetic and the rate switches at the learning date', () => {
  const source = readFileSync('launch/sandbox/panel/panel-learning.ts', 'utf8');
  expect(source).toMatch(/SYNTHETIC DEMO DATA, NOT EVIDENCE/);
  for (const r of PANEL_CARE_RATES) {
    expect(careRate(r.clinicianId, r.measureId, PANEL_LEARNING_DAYS_AGO + 0.01)).toBe(r.before);
    expect(careRate(r.clinicianId, r.measureId, PANEL_LEARNING_DAYS_AGO - 0.01)).toBe(r.after);
  }
  expect(() => careRate('pa-marcus-reed', 'CMS135', 10)).toThrow(/No panel care rate/);
});
