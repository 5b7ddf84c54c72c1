import type { ValueSetExpansion } from '../micro-case/library-problems';
import { cms122 } from './cms122';
import { cms135 } from './cms135';
import { cms144 } from './cms144';
import { cms165 } from './cms165';
import { cms506 } from './cms506';
import type { Measure } from './measure';
import { measureCodes } from './measure-codes';
import { sep1 } from './sep1';

export type {
  Measure,
  MeasureContext,
  MeasureEpisode,
  MeasurePeriod,
  PatientRecord,
} from './measure';
export { MEASURE_IDS, type MeasureId } from './measure';

/**
 * Every quality measure, in MEASURE_IDS order, over the library's value sets. Throws naming
 * each missing value set (see measureCodes).
 */
export function createMeasures(valueSets: readonly ValueSetExpansion[]): Measure[] {
  const codes = measureCodes(valueSets);
  return [cms122(codes), cms165(codes), cms135(codes), cms144(codes), cms506(codes), sep1(codes)];
}

/** The measure a case names in `qualityMeasures[].id`, or undefined for one we do not compute. */
export function measureById(measures: readonly Measure[], id: string): Measure | undefined {
  return measures.find((measure) => measure.id === id);
}
