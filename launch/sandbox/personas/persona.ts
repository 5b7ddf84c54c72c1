import type { Bundle, FhirResource } from 'fhir/r4';
import type { TopicId } from '../../../core/topics';

/** One synthetic patient of the sandbox EHR, with the chart the sandbox server loads. */
export interface Persona {
  /** Patient.id: stable, kebab-case. */
  id: string;
  /** Display name, e.g. 'Maria Santos'. */
  name: string;
  /** The topic this chart is written to trigger; null for the patients who match none. */
  topic: TopicId | null;
  /** One line for the sandbox patient list. */
  summary: string;
  /** The id of the persona's open (status in-progress) Encounter. */
  encounterId: string;
  /** Type 'collection'; every resource has a stable id; references are 'ResourceType/id'. */
  bundle: Bundle<FhirResource>;
}
