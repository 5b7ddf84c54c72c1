import type { PatientContext } from '../../core/patient-context';
import { EncounterSummary } from './encounter-summary';
import { MedicationList } from './medication-list';
import { ObservationList } from './observation-list';
import { ProblemList } from './problem-list';

/** The compact context summary under the banner: encounter, problems, labs, vitals, meds. */
export function ChartSummary({ context }: { context: PatientContext }) {
  const refused = (resourceType: string) => context.unavailable.includes(resourceType);
  return (
    <>
      <EncounterSummary encounter={context.encounter} unavailable={refused('Encounter')} />
      <ProblemList conditions={context.conditions} unavailable={refused('Condition')} />
      <ObservationList
        kind="labs"
        observations={context.observations}
        unavailable={refused('Observation')}
      />
      <ObservationList
        kind="vitals"
        observations={context.observations}
        unavailable={refused('Observation')}
      />
      <MedicationList
        medications={context.medications}
        unavailable={refused('MedicationRequest')}
      />
    </>
  );
}
