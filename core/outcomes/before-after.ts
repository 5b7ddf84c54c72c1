import type { Encounter } from 'fhir/r4';
import type { Measure, MeasureId, MeasurePeriod, PatientRecord } from '../measures/measure';

const DAY_MS = 86_400_000;

/** An awarded credit of the tenant's ledger, as far as the outcomes computation needs it. */
export interface OutcomeCredit {
  creditId: string;
  /** The clinician's fhirUser, absolute, exactly as in the ledger. */
  learner: string;
  caseId: string;
  caseVersion: string;
  /** ISO instant the credit was recorded: the boundary T between before and after. */
  recordedAt: string;
}

export interface OutcomeWindows {
  beforeDays: number;
  afterDays: number;
}

export interface BeforeAfterInput {
  /** The tenant's FHIR base (its `iss`), without a trailing slash. */
  fhirBase: string;
  credits: readonly OutcomeCredit[];
  /** Each case's `qualityMeasures` ids, by case id; ids no measure has are ignored. */
  caseMeasures: ReadonlyMap<string, readonly string[]>;
  measures: readonly Measure[];
  records: readonly PatientRecord[];
  windows: OutcomeWindows;
  /** Now: the after window never reaches past it. */
  asOf: Date;
}

export interface WindowCounts {
  periodStart: string;
  periodEnd: string;
  numerator: number;
  denominator: number;
}

/** One credit × one measure its case serves. */
export interface BeforeAfter {
  learner: string;
  creditId: string;
  caseId: string;
  caseVersion: string;
  creditedAt: string;
  measureId: MeasureId;
  before: WindowCounts;
  after: WindowCounts;
}

export interface BeforeAfterResult {
  comparisons: BeforeAfter[];
  /** Credits left out: the learner is not a Practitioner of this FHIR base, or T is after asOf. */
  skipped: { notPractitioner: number; afterAsOf: number };
}

const FHIR_ID = '[A-Za-z0-9.-]{1,64}';
const PRACTITIONER = new RegExp(`^Practitioner/(${FHIR_ID})(?:/_history/${FHIR_ID})?$`);

/**
 * `Practitioner/{id}` for a reference to a Practitioner of `fhirBase` — relative, or absolute on
 * that base (a learner's fhirUser is absolute, Encounter.participant usually relative) — else
 * undefined: a Practitioner of another server is not this tenant's clinician.
 */
export function practitionerOf(reference: string, fhirBase: string): string | undefined {
  const relative = reference.startsWith(`${fhirBase}/`)
    ? reference.slice(fhirBase.length + 1)
    : reference;
  const match = PRACTITIONER.exec(relative);
  return match ? `Practitioner/${match[1] ?? ''}` : undefined;
}

/**
 * Per credit and measure of its case, the clinician's counts in [T − beforeDays, T) and in
 * [T, min(T + afterDays, asOf)), T being when the credit was recorded. Pure: the caller reads
 * the ledger and the population.
 */
export function computeBeforeAfter(input: BeforeAfterInput): BeforeAfterResult {
  const byPractitioner = indexByPractitioner(input.records, input.fhirBase);
  const measures = new Map(input.measures.map((m) => [m.id as string, m]));
  const comparisons: BeforeAfter[] = [];
  const skipped = { notPractitioner: 0, afterAsOf: 0 };
  for (const credit of input.credits) {
    const practitioner = practitionerOf(credit.learner, input.fhirBase);
    if (practitioner === undefined) {
      skipped.notPractitioner += 1;
      continue;
    }
    const t = new Date(credit.recordedAt).getTime();
    if (t > input.asOf.getTime()) {
      skipped.afterAsOf += 1;
      continue;
    }
    const before = { start: new Date(t - input.windows.beforeDays * DAY_MS), end: new Date(t) };
    const after = {
      start: new Date(t),
      end: new Date(Math.min(t + input.windows.afterDays * DAY_MS, input.asOf.getTime())),
    };
    const records = byPractitioner.get(practitioner) ?? [];
    const ids = new Set(input.caseMeasures.get(credit.caseId) ?? []);
    for (const id of ids) {
      const measure = measures.get(id);
      if (!measure) continue;
      comparisons.push({
        learner: credit.learner,
        creditId: credit.creditId,
        caseId: credit.caseId,
        caseVersion: credit.caseVersion,
        creditedAt: credit.recordedAt,
        measureId: measure.id,
        before: count(measure, records, practitioner, before),
        after: count(measure, records, practitioner, after),
      });
    }
  }
  return { comparisons, skipped };
}

function count(
  measure: Measure,
  records: readonly PatientRecord[],
  practitioner: string,
  period: MeasurePeriod,
): WindowCounts {
  let numerator = 0;
  let denominator = 0;
  for (const record of records) {
    for (const episode of measure.evaluate(record, { practitioner, period })) {
      denominator += 1;
      if (episode.inNumerator) numerator += 1;
    }
  }
  return {
    periodStart: period.start.toISOString(),
    periodEnd: period.end.toISOString(),
    numerator,
    denominator,
  };
}

/**
 * The records each Practitioner takes part in through any encounter, built once, so the work is
 * credits × that clinician's patients rather than credits × the whole population. The measures
 * still decide attribution within each period.
 */
function indexByPractitioner(
  records: readonly PatientRecord[],
  fhirBase: string,
): Map<string, PatientRecord[]> {
  const index = new Map<string, PatientRecord[]>();
  for (const record of records) {
    const practitioners = new Set(record.encounters.flatMap((e) => participants(e, fhirBase)));
    for (const practitioner of practitioners) {
      const list = index.get(practitioner);
      if (list) list.push(record);
      else index.set(practitioner, [record]);
    }
  }
  return index;
}

function participants(encounter: Encounter, fhirBase: string): string[] {
  return (encounter.participant ?? []).flatMap((p) => {
    const reference = p.individual?.reference;
    const practitioner = reference === undefined ? undefined : practitionerOf(reference, fhirBase);
    return practitioner === undefined ? [] : [practitioner];
  });
}
