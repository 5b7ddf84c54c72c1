import { attributedEncounters, patientRef } from './attribution';
import { diagnosedDuring } from './diagnosis';
import type { Measure } from './measure';
import type { MeasureCodes } from './measure-codes';
import { ageWithin, periodLastInstant, inPeriod } from './measure-values';
import { indexRecord } from './record-index';
import { latest, results } from './results';

const POOR_CONTROL = 9;

/**
 * CMS122-like, Diabetes: Hemoglobin A1c Poor Control (> 9 %). Inverse, patient-based.
 * Denominator: age 18–75 at the period end, a type 2 diabetes diagnosis active in the period,
 * an encounter with the clinician in the period. Numerator: the latest HbA1c in the period is
 * above 9 %, or there is none. The official eCQM also excludes hospice, palliative care,
 * advanced illness with frailty and long-term care residents, and counts only specific visit
 * types in a calendar-year measurement period.
 */
export function cms122(codes: MeasureCodes): Measure {
  return {
    id: 'CMS122',
    label: {
      en: 'CMS122-like: HbA1c > 9 % (poor control)',
      es: 'Similar a CMS122: HbA1c > 9 % (mal control)',
    },
    simplification: {
      en: 'Simpler than CMS122: any period instead of the calendar year, any encounter with you instead of specific visit types, no exclusions (hospice, palliative care, frailty with advanced illness, nursing home). Counts diabetes coded as in our library value set and HbA1c results reported in %.',
      es: 'Más simple que CMS122: cualquier periodo en lugar del año calendario, cualquier encuentro con usted en lugar de tipos de visita concretos, sin exclusiones (hospicio, cuidados paliativos, fragilidad con enfermedad avanzada, residencia). Cuenta la diabetes codificada como en nuestro conjunto de valores y las HbA1c informadas en %.',
    },
    lowerIsBetter: true,
    basis: 'patient',
    evaluate(record, context) {
      const { period } = context;
      if (!ageWithin(record.patient, periodLastInstant(period), 18, 75)) return [];
      if (attributedEncounters(record, context).length === 0) return [];
      const index = indexRecord(record);
      if (!diagnosedDuring(index, codes.diabetes, period)) return [];
      const last = latest(
        results(index.observations.find(codes.hba1c), '%').filter((r) => inPeriod(r.time, period)),
      );
      const patient = patientRef(record);
      if (!last)
        return [{ subject: patient, patient, inNumerator: true, reason: 'No HbA1c in the period' }];
      const poor = last.value > POOR_CONTROL;
      return [
        {
          subject: patient,
          patient,
          inNumerator: poor,
          reason: `Latest HbA1c ${String(last.value)} % on ${last.day} ${poor ? '>' : '≤'} ${String(POOR_CONTROL)} %`,
        },
      ];
    },
  };
}
