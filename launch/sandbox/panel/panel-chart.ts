import type { CodeableConcept, Coding, MedicationAdministration, Patient } from 'fhir/r4';
import { Chart } from '../personas/builders';
import { quantity } from '../personas/fhir-values';
import type { PatientSpec } from '../personas/chart-specs';

/** Marks every generated Patient, so nobody mistakes the panel for the hand-written personas. */
export const GENERATED_PANEL_TAG: Coding = {
  system: 'https://chartside.dev/fhir/CodeSystem/sandbox-data',
  code: 'generated-panel',
  display: 'Generated panel patient',
};

const MINUTES_PER_DAY = 1440;

/** A time given as whole minutes before `now`, as the persona builders take it. */
export const minutesAgo = (minutes: number): { minutes: number } => ({ minutes });
export const daysToMinutes = (days: number): number => days * MINUTES_PER_DAY;
export const minutesToDays = (minutes: number): number => minutes / MINUTES_PER_DAY;

/**
 * One generated patient's chart: the persona builder (same resource shapes, blood pressure as a
 * panel, encounter links by time) plus the generated-panel tag and medication administrations.
 */
export class PanelChart extends Chart {
  private administrations = 0;

  override patient(p: PatientSpec): void {
    super.patient(p);
    const patient = this.resources.at(-1) as Patient;
    patient.meta = { tag: [GENERATED_PANEL_TAG] };
  }

  /** The id of the resource added last (to reference an order just placed). */
  lastId(): string {
    const id = this.resources.at(-1)?.id;
    if (id === undefined) throw new Error(`Chart ${this.id} has no resources yet`);
    return id;
  }

  /** A dose given (status completed) in `encounterId`, for the order `requestId`. */
  administration(a: {
    code: CodeableConcept;
    minutesAgo: number;
    encounterId: string;
    requestId: string;
    /** Grams given, e.g. 4.5 (mad-1: a dose or a rate is required). */
    grams: number;
  }): void {
    this.administrations += 1;
    const administration: MedicationAdministration = {
      resourceType: 'MedicationAdministration',
      id: `${this.id}-administration-${this.administrations}`,
      status: 'completed',
      medicationCodeableConcept: a.code,
      subject: { reference: `Patient/${this.id}` },
      context: { reference: `Encounter/${a.encounterId}` },
      effectiveDateTime: this.time(minutesAgo(a.minutesAgo)),
      request: { reference: `MedicationRequest/${a.requestId}` },
      dosage: { text: `${a.grams} g IV`, dose: quantity(a.grams, 'g') },
    };
    this.resources.push(administration);
  }
}
