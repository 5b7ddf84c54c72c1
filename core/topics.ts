/** The twelve clinical topics of the micro-case library (shared/CONTENT.md), by stable id. */
export const TOPIC_IDS = [
  'sepsis',
  'cap',
  't2dm',
  'htn',
  'afib',
  'hfref',
  'aki',
  'opioids',
  'asthma',
  'copd',
  'asb',
  'vte',
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];
