import type {
  CodeableConcept,
  Condition,
  MedicationRequest,
  Observation,
  Patient,
  Encounter,
  Resource,
} from 'fhir/r4';
import type { PatientContext } from '../patient-context';

type Indexed = Condition | Observation | MedicationRequest;

/** `system|code` keys of a concept, for value-set membership by lookup. */
export function codingKeys(concept: CodeableConcept | undefined): string[] {
  return (concept?.coding ?? []).flatMap((c) =>
    c.system && c.code ? [`${c.system}|${c.code}`] : [],
  );
}

const INVALID_CONDITION = new Set(['entered-in-error', 'refuted']);
const ACTIVE_CONDITION = new Set(['active', 'recurrence', 'relapse']);
const VALID_OBSERVATION = new Set(['final', 'amended', 'corrected', 'preliminary']);

export function isActiveCondition(condition: Condition): boolean {
  const clinical = condition.clinicalStatus?.coding?.[0]?.code;
  const verification = condition.verificationStatus?.coding?.[0]?.code;
  return (
    clinical !== undefined &&
    ACTIVE_CONDITION.has(clinical) &&
    !(verification && INVALID_CONDITION.has(verification))
  );
}

/**
 * The patient's resources, indexed once per launch by `system|code`, keeping only what may
 * ever match: active conditions, valid observations, active medication orders. Everything the
 * matcher asks afterwards is a map lookup.
 */
export class PatientIndex {
  readonly patient: Patient;
  readonly encounter: Encounter | undefined;
  /** Everything read at launch, unfiltered, for FHIRPath criteria. */
  readonly resources: Resource[];
  private readonly byCode = new Map<string, Indexed[]>();

  constructor(
    context: Pick<
      PatientContext,
      'patient' | 'encounter' | 'conditions' | 'observations' | 'medications'
    >,
  ) {
    this.patient = context.patient;
    this.encounter = context.encounter;
    this.resources = [
      context.patient,
      ...(context.encounter ? [context.encounter] : []),
      ...context.conditions,
      ...context.observations,
      ...context.medications,
    ];
    for (const condition of context.conditions)
      if (isActiveCondition(condition)) this.add(condition, condition.code);
    for (const observation of context.observations) {
      if (!VALID_OBSERVATION.has(observation.status)) continue;
      this.add(observation, observation.code);
      // Panels (blood pressure) are also found by their components' codes.
      for (const component of observation.component ?? []) this.add(observation, component.code);
    }
    for (const medication of context.medications) {
      if (medication.status === 'active')
        this.add(medication, medication.medicationCodeableConcept);
    }
  }

  private add(resource: Indexed, concept: CodeableConcept | undefined): void {
    for (const key of codingKeys(concept)) {
      const list = this.byCode.get(key);
      if (list === undefined) this.byCode.set(key, [resource]);
      else if (!list.includes(resource)) list.push(resource);
    }
  }

  /** Resources of `type` with a coding among `codes` (a value set's `system|code` keys). */
  find<T extends Indexed>(type: T['resourceType'], codes: ReadonlySet<string>): T[] {
    const found = new Set<T>();
    for (const key of codes) {
      for (const resource of this.byCode.get(key) ?? []) {
        if (resource.resourceType === type) found.add(resource as T);
      }
    }
    return [...found];
  }
}
