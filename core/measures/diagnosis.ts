import type { Condition } from 'fhir/r4';
import type { MeasurePeriod } from './measure';
import { instant } from './measure-values';
import type { RecordIndex } from './record-index';

const ENDED = new Set(['inactive', 'resolved', 'remission']);

/** When the condition began: onset, else when it was recorded. */
export function conditionStart(condition: Condition): number | undefined {
  return instant(condition.onsetDateTime ?? condition.onsetPeriod?.start ?? condition.recordedDate);
}

function endedBefore(condition: Condition, start: Date): boolean {
  const abated = instant(condition.abatementDateTime ?? condition.abatementPeriod?.end);
  if (abated !== undefined) return abated < start.getTime();
  // Resolved or inactive with no date: when it ended is unknown, so it is not counted.
  const clinical = condition.clinicalStatus?.coding?.[0]?.code;
  return clinical !== undefined && ENDED.has(clinical);
}

/**
 * A diagnosis in `codes` that began before the period end and had not ended before the period
 * start (entered-in-error and refuted ones are already out of the index). Undated ones are
 * ignored: nothing says they predate the period end.
 */
export function diagnosedDuring(
  index: RecordIndex,
  codes: ReadonlySet<string>,
  period: MeasurePeriod,
): Condition | undefined {
  return index.conditions.find(codes).find((condition) => {
    const start = conditionStart(condition);
    return (
      start !== undefined && start < period.end.getTime() && !endedBefore(condition, period.start)
    );
  });
}
