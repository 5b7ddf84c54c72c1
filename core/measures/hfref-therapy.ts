import type { MedicationRequest } from 'fhir/r4';
import { attributedEncounters, patientRef } from './attribution';
import { diagnosedDuring } from './diagnosis';
import type { Measure, MeasureEpisode } from './measure';
import type { MeasureCodes } from './measure-codes';
import {
  ageWithin,
  periodLastInstant,
  conceptName,
  dayOf,
  inPeriod,
  instant,
} from './measure-values';
import { indexRecord } from './record-index';
import { results } from './results';

const REDUCED_EF = 40;
const ORDER_INTENTS = new Set<MedicationRequest['intent']>(['order', 'plan']);
const COUNTED_STATUSES = new Set<MedicationRequest['status']>(['active', 'completed']);

/**
 * The shared logic of CMS135-like and CMS144-like (heart failure with LVEF ≤ 40 %): the same
 * denominator, a different drug class in the numerator.
 * Denominator: age ≥ 18 at the period end, a heart failure diagnosis active in the period, an
 * LVEF ≤ 40 % on any date before the period end, an encounter with the clinician in the period.
 * Numerator: an order (intent order or plan, status active or completed) for the drug class
 * authored in the period, or still active at the period end.
 */
export function hfrefTherapy(
  codes: MeasureCodes,
  drugs: ReadonlySet<string>,
  drugClass: string,
  measure: Omit<Measure, 'evaluate' | 'basis' | 'lowerIsBetter'>,
): Measure {
  return {
    ...measure,
    lowerIsBetter: false,
    basis: 'patient',
    evaluate(record, context): MeasureEpisode[] {
      const { period } = context;
      if (!ageWithin(record.patient, periodLastInstant(period), 18)) return [];
      if (attributedEncounters(record, context).length === 0) return [];
      const index = indexRecord(record);
      if (!diagnosedDuring(index, codes.heartFailure, period)) return [];
      const reduced = results(index.observations.find(codes.lvef), '%').find(
        (r) => r.time < period.end.getTime() && r.value <= REDUCED_EF,
      );
      if (!reduced) return [];
      const order = index.medicationRequests.find(drugs).find((m) => {
        const authored = instant(m.authoredOn);
        return (
          ORDER_INTENTS.has(m.intent) &&
          COUNTED_STATUSES.has(m.status) &&
          authored !== undefined &&
          authored < period.end.getTime() &&
          (inPeriod(authored, period) || m.status === 'active')
        );
      });
      const patient = patientRef(record);
      const ef = `LVEF ${String(reduced.value)} % on ${reduced.day}`;
      return [
        {
          subject: patient,
          patient,
          inNumerator: order !== undefined,
          reason:
            order === undefined
              ? `${ef}; no ${drugClass} ordered in the period or active at its end`
              : `${ef}; ${conceptName(order.medicationCodeableConcept)} ordered on ${dayOf(order.authoredOn ?? '')}`,
        },
      ];
    },
  };
}
