import type { FhirResource } from 'fhir/r4';
import { z } from 'zod';
import { STAFF, type ClinicianId } from '../personas/staff';
import { cardiologyPatient } from './cardiology-patient';
import { emergencyPatient } from './emergency-patient';
import { internistPatient } from './internist-patient';
import { learningPatient } from './learning-patients';
import { PanelChart } from './panel-chart';
import {
  PANEL_CARE_RATES,
  PANEL_LEARNING,
  panelPatientId,
  type CareRate,
  type PanelLearning,
} from './panel-learning';
import { panelPerson } from './panel-people';
import type { PanelPatient } from './panel-visits';
import { SeededRandom } from './seeded-random';

/** Patients per clinician: 0 turns the panel off; otherwise room for the learning patients. */
export const PANEL_SIZE = { min: 10, max: 2000 } as const;

const optionsSchema = z.object({
  now: z.date().refine((d) => !Number.isNaN(d.getTime()), 'now must be a valid date'),
  seed: z.number().int().min(0).max(0xffff_ffff),
  patientsPerClinician: z
    .number()
    .int()
    .min(0)
    .max(PANEL_SIZE.max)
    .refine((n) => n === 0 || n >= PANEL_SIZE.min, `0 (no panel) or at least ${PANEL_SIZE.min}`),
});

export type PanelOptions = z.input<typeof optionsSchema>;

export interface PanelSummary {
  patients: number;
  resources: number;
  resourcesByType: Record<string, number>;
  perClinician: Record<ClinicianId, { patients: number; encounters: number }>;
  seed: number;
  learning: readonly PanelLearning[];
  careRates: readonly CareRate[];
  note: string;
}

const NOTE =
  'Synthetic demo data, not evidence: generated patients whose care changes after the ' +
  'learning date only because PANEL_CARE_RATES says so.';

const WRITERS: Record<ClinicianId, (p: PanelPatient) => void> = {
  [STAFF.internist]: internistPatient,
  [STAFF.cardiologist]: cardiologyPatient,
  [STAFF.emergencyPa]: emergencyPatient,
};
const CLINICIANS = Object.keys(WRITERS) as ClinicianId[];

/**
 * A deterministic synthetic panel for each sandbox clinician: the same options give
 * byte-identical resources. Dates are relative to `now` and cover the year before it. The
 * learning patients (PANEL_LEARNING) come first, then each clinician's other patients.
 */
export function generatePanel(options: PanelOptions): {
  resources: FhirResource[];
  summary: PanelSummary;
} {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new Error(`Invalid panel options:\n${z.prettifyError(parsed.error)}`);
  }
  const { now, seed, patientsPerClinician } = parsed.data;
  const plan: { clinician: ClinicianId; learning?: PanelLearning }[] =
    patientsPerClinician === 0
      ? []
      : [
          ...PANEL_LEARNING.map((learning) => ({ clinician: learning.clinicianId, learning })),
          ...CLINICIANS.flatMap((clinician) => {
            const own = PANEL_LEARNING.filter((l) => l.clinicianId === clinician).length;
            return Array.from({ length: patientsPerClinician - own }, () => ({ clinician }));
          }),
        ];
  const resources: FhirResource[] = [];
  const perClinician = Object.fromEntries(
    CLINICIANS.map((c) => [c, { patients: 0, encounters: 0 }]),
  ) as PanelSummary['perClinician'];
  plan.forEach(({ clinician, learning }, index) => {
    const n = index + 1;
    const rng = SeededRandom.forPart(seed, n);
    const chart = new PanelChart(now, panelPatientId(n));
    // Learning patients are middle-aged, inside every measure's age limits.
    chart.patient(panelPerson(rng, n, learning ? { min: 45, max: 70 } : undefined));
    const patient: PanelPatient = { chart, rng, clinician, weightKg: rng.decimal(52, 118) };
    if (learning) learningPatient(patient, learning);
    else WRITERS[clinician](patient);
    const counts = perClinician[clinician];
    counts.patients += 1;
    counts.encounters += chart.resources.filter((r) => r.resourceType === 'Encounter').length;
    resources.push(...chart.resources);
  });
  const resourcesByType: Record<string, number> = {};
  for (const r of resources)
    resourcesByType[r.resourceType] = (resourcesByType[r.resourceType] ?? 0) + 1;
  return {
    resources,
    summary: {
      patients: plan.length,
      resources: resources.length,
      resourcesByType,
      perClinician,
      seed,
      learning: plan.length === 0 ? [] : PANEL_LEARNING,
      careRates: PANEL_CARE_RATES,
      note: NOTE,
    },
  };
}
