import type {
  CodeableConcept,
  Condition,
  Encounter,
  MedicationRequest,
  Observation,
  Patient,
  FhirResource,
} from 'fhir/r4';
import type { TopicId } from '../../../core/topics';
import { cc, SYSTEM } from './codes';
import { hl7 } from './fhir-values';
import type { Persona } from './persona';
import type { ConditionSpec, EncounterSpec, MedSpec, PatientSpec } from './chart-specs';
import { STAFF } from './staff';
import { at, birthDateForAge, type Ago } from './time';

const CLASS_DISPLAY = { EMER: 'emergency', IMP: 'inpatient encounter', AMB: 'ambulatory' };
const CLINICAL = { active: 'Active', resolved: 'Resolved', inactive: 'Inactive' };
const MED_CATEGORY = { inpatient: 'Inpatient', outpatient: 'Outpatient', community: 'Community' };

/**
 * Collects one persona's resources. Ids are `<persona>-<kind>-<n>`. Observations, orders and
 * encounter diagnoses are linked to whichever of the persona's encounters was open at their
 * time, so a persona adds its encounters first.
 */
export class ChartCore {
  readonly resources: FhirResource[] = [];
  private readonly counters = new Map<string, number>();
  private readonly spans: { id: string; start: number; end: number }[] = [];
  private name = '';
  private openEncounterId: string | undefined;

  constructor(
    readonly now: Date,
    readonly id: string,
  ) {}

  /** The instant `ago` before this chart's `now`, as an R4 dateTime. */
  time(ago: Ago): string {
    return at(this.now, ago);
  }

  patient(p: PatientSpec): void {
    this.name = `${p.given[0] ?? ''} ${p.family}`.trim();
    const patient: Patient = {
      resourceType: 'Patient',
      id: this.id,
      identifier: [
        {
          use: 'usual',
          type: hl7('v2-0203', 'MR', 'Medical Record Number'),
          system: SYSTEM.mrn,
          value: p.mrn,
        },
      ],
      active: true,
      name: [{ use: 'official', family: p.family, given: p.given }],
      gender: p.gender,
      birthDate: birthDateForAge(this.now, p.age, p.birthdayDaysAgo),
      managingOrganization: { reference: `Organization/${STAFF.organization}` },
    };
    this.resources.push(patient);
  }

  /** Adds the open encounter (no `end`) or a finished earlier one, and returns its id. */
  encounter(e: EncounterSpec): string {
    const open = e.end === undefined;
    const id = open ? `${this.id}-encounter` : this.nextId('encounter');
    const start = at(this.now, e.start);
    const end = e.end === undefined ? undefined : at(this.now, e.end);
    this.spans.push({
      id,
      start: Date.parse(start),
      end: end === undefined ? Infinity : Date.parse(end),
    });
    if (open) this.openEncounterId = id;
    const encounter: Encounter = {
      resourceType: 'Encounter',
      id,
      status: open ? 'in-progress' : 'finished',
      class: { system: SYSTEM.actCode, code: e.class, display: CLASS_DISPLAY[e.class] },
      type: [e.type],
      subject: this.subject(),
      participant: [
        {
          type: [hl7('v3-ParticipationType', 'ATND', 'attender')],
          individual: { reference: `Practitioner/${e.clinician}` },
        },
      ],
      period: end === undefined ? { start } : { start, end },
      reasonCode: [e.reason],
      serviceProvider: { reference: `Organization/${STAFF.organization}` },
    };
    this.resources.push(encounter);
    return id;
  }

  condition(code: CodeableConcept, c: ConditionSpec): void {
    const status = c.status ?? 'active';
    const onset = at(this.now, c.onset);
    const category =
      c.diagnosis === true
        ? hl7('condition-category', 'encounter-diagnosis', 'Encounter Diagnosis')
        : hl7('condition-category', 'problem-list-item', 'Problem List Item');
    const condition: Condition = {
      resourceType: 'Condition',
      id: this.nextId('condition'),
      clinicalStatus: hl7('condition-clinical', status, CLINICAL[status]),
      verificationStatus: hl7('condition-ver-status', 'confirmed', 'Confirmed'),
      category: [category],
      code,
      subject: this.subject(),
      ...(c.diagnosis === true ? this.encounterAt(onset) : {}),
      onsetDateTime: onset,
      ...(c.abated === undefined ? {} : { abatementDateTime: at(this.now, c.abated) }),
      recordedDate: onset,
    };
    this.resources.push(condition);
  }

  med(code: CodeableConcept, m: MedSpec): void {
    const category = m.category ?? 'community';
    const authoredOn = at(this.now, m.authored);
    const request: MedicationRequest = {
      resourceType: 'MedicationRequest',
      id: this.nextId('med'),
      status: m.status ?? 'active',
      intent: 'order',
      category: [hl7('medicationrequest-category', category, MED_CATEGORY[category])],
      medicationCodeableConcept: code,
      subject: this.subject(),
      ...this.encounterAt(authoredOn),
      authoredOn,
      requester: { reference: `Practitioner/${m.clinician ?? STAFF.internist}` },
      ...(m.reason === undefined ? {} : { reasonCode: [cc(m.reason)] }),
      dosageInstruction: [{ text: m.dosage }],
    };
    this.resources.push(request);
  }

  /** An Observation with the common fields filled in; `value` supplies value[x] and the rest. */
  observation(code: CodeableConcept, when: Ago, value: Partial<Observation>): void {
    const effective = at(this.now, when);
    const observation: Observation = {
      resourceType: 'Observation',
      id: this.nextId('obs'),
      status: 'final',
      category: [hl7('observation-category', 'laboratory', 'Laboratory')],
      code,
      subject: this.subject(),
      ...this.encounterAt(effective),
      effectiveDateTime: effective,
      ...value,
    };
    this.resources.push(observation);
  }

  /** The finished persona; throws if the chart has no patient or no open encounter. */
  persona(p: { topic: TopicId | null; summary: string }): Persona {
    if (this.name === '' || this.openEncounterId === undefined) {
      throw new Error(`Persona ${this.id} needs a patient and an open encounter.`);
    }
    return {
      id: this.id,
      name: this.name,
      topic: p.topic,
      summary: p.summary,
      encounterId: this.openEncounterId,
      bundle: {
        resourceType: 'Bundle',
        id: `${this.id}-chart`,
        type: 'collection',
        timestamp: at(this.now, {}),
        entry: this.resources.map((resource) => ({ resource })),
      },
    };
  }

  private subject(): { reference: string } {
    return { reference: `Patient/${this.id}` };
  }

  private encounterAt(time: string): { encounter?: { reference: string } } {
    const ms = Date.parse(time);
    const hit = this.spans.find((s) => s.start <= ms && ms <= s.end);
    return hit === undefined ? {} : { encounter: { reference: `Encounter/${hit.id}` } };
  }

  private nextId(kind: string): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${this.id}-${kind}-${n}`;
  }
}
