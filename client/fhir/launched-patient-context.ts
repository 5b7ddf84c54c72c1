import type { PatientContext } from '../../core/patient-context';
import { loadPatientContext } from './load-patient-context';
import { smartSession } from './smart-session';

/**
 * The patient context of this launch: waits for the one authorization (see smart-session)
 * and reads the chart. Safe to call again to retry: only the FHIR reads are repeated.
 */
export function loadLaunchedPatientContext(): Promise<PatientContext> {
  return smartSession.then((client) => loadPatientContext(client));
}
