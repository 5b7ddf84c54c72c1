import type { Condition, Encounter, MedicationRequest, Observation, Patient } from 'fhir/r4';
import type { PatientContext } from '../core/patient-context';
import { buildPersonas, type Persona } from '../launch/sandbox/personas';

/** The observation categories the app reads at launch (client/fhir/load-patient-context.ts). */
const READ_CATEGORIES = new Set(['laboratory', 'vital-signs', 'imaging']);

/** A persona's chart as the app reads it at launch (active problems and orders, observations). */
export function personaContext(persona: Persona): Omit<PatientContext, 'launch' | 'unavailable'> {
  const resources = (persona.bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  const of = <T>(type: string): T[] => resources.filter((r) => r.resourceType === type) as T[];
  const patient = of<Patient>('Patient')[0];
  if (!patient) throw new Error(`persona ${persona.id} has no Patient`);
  return {
    patient,
    encounter: of<Encounter>('Encounter').find((e) => e.id === persona.encounterId),
    conditions: of<Condition>('Condition').filter((c) =>
      ['active', 'recurrence', 'relapse'].includes(c.clinicalStatus?.coding?.[0]?.code ?? ''),
    ),
    observations: of<Observation>('Observation').filter((o) =>
      o.category?.some((c) => c.coding?.some((coding) => READ_CATEGORIES.has(coding.code ?? ''))),
    ),
    medications: of<MedicationRequest>('MedicationRequest').filter((m) => m.status === 'active'),
  };
}

export function personaContexts(
  now: Date,
): { persona: Persona; context: ReturnType<typeof personaContext> }[] {
  return buildPersonas(now).map((persona) => ({ persona, context: personaContext(persona) }));
}
