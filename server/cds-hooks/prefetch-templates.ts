/**
 * What the services ask the EHR to prefetch (CDS Hooks 2.0.1 §Prefetch Template): the same reads
 * the app makes at launch, so that a card and the app's picker see the same chart. Tokens are
 * root-level context fields only; references are written `Patient/{id}`, which every server
 * accepts for a reference search parameter.
 */
export const PREFETCH_TEMPLATES = {
  patient: 'Patient/{{context.patientId}}',
  encounter: 'Encounter/{{context.encounterId}}',
  conditions:
    'Condition?patient=Patient/{{context.patientId}}&clinical-status=active,recurrence,relapse&_count=50',
  labs: 'Observation?patient=Patient/{{context.patientId}}&category=laboratory&_sort=-date&_count=100',
  vitals:
    'Observation?patient=Patient/{{context.patientId}}&category=vital-signs&_sort=-date&_count=100',
  imaging:
    'Observation?patient=Patient/{{context.patientId}}&category=imaging&_sort=-date&_count=20',
  medications: 'MedicationRequest?patient=Patient/{{context.patientId}}&status=active&_count=50',
} as const;

export type PrefetchKey = keyof typeof PREFETCH_TEMPLATES;

/** Replaces `{{context.x}}` tokens; undefined when the context lacks one (the key is not needed). */
export function renderTemplate(
  template: string,
  context: Readonly<Record<string, unknown>>,
): string | undefined {
  const fields = [...template.matchAll(/\{\{context\.([A-Za-z]+)\}\}/g)].map((m) => m[1] ?? '');
  const values = fields.map((field) => context[field]);
  if (!values.every((v): v is string => typeof v === 'string' && v !== '')) return undefined;
  let at = 0;
  return template.replace(/\{\{context\.[A-Za-z]+\}\}/g, () =>
    encodeURIComponent(values[at++] ?? ''),
  );
}
