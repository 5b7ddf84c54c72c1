import type { Observation } from 'fhir/r4';
import { codingKeys } from '../matcher/patient-index';
import { attributedEncounters, patientRef } from './attribution';
import { diagnosedDuring } from './diagnosis';
import type { Measure, MeasurePeriod } from './measure';
import { DIASTOLIC, SYSTOLIC, type MeasureCodes } from './measure-codes';
import {
  ageWithin,
  periodLastInstant,
  dayOf,
  inPeriod,
  instant,
  isResult,
  observationTime,
  valueIn,
} from './measure-values';
import { indexRecord } from './record-index';

const SYSTOLIC_BELOW = 140;
const DIASTOLIC_BELOW = 90;

interface DayReadings {
  systolic: number[];
  diastolic: number[];
}

/**
 * Systolic and diastolic values in mm[Hg] per chart day in the period, from blood-pressure
 * panels' components and from separate systolic or diastolic Observations (both shapes occur:
 * the sandbox personas write panels, other EHRs write single values).
 */
function readingsByDay(observations: readonly Observation[], period: MeasurePeriod) {
  const days = new Map<string, DayReadings>();
  for (const o of observations) {
    const when = observationTime(o);
    const time = instant(when);
    if (!isResult(o) || when === undefined || time === undefined || !inPeriod(time, period))
      continue;
    const day = days.get(dayOf(when)) ?? { systolic: [], diastolic: [] };
    for (const part of [o, ...(o.component ?? [])]) {
      const value = valueIn(part.valueQuantity, 'mm[Hg]');
      if (value === undefined) continue;
      const keys = codingKeys(part.code);
      if (keys.includes(SYSTOLIC)) day.systolic.push(value);
      if (keys.includes(DIASTOLIC)) day.diastolic.push(value);
    }
    days.set(dayOf(when), day);
  }
  return days;
}

/**
 * CMS165-like, Controlling High Blood Pressure. Patient-based. Denominator: age 18–85 at the
 * period end, a hypertension diagnosis active in the period, an encounter with the clinician in
 * the period. Numerator: on the most recent day in the period with both a systolic and a
 * diastolic reading, the lowest systolic is < 140 and the lowest diastolic < 90 mm[Hg] (the
 * official measure also takes the lowest of each on that day). No reading: not in the numerator.
 */
export function cms165(codes: MeasureCodes): Measure {
  const bloodPressure = new Set([...codes.bloodPressurePanel, SYSTOLIC, DIASTOLIC]);
  return {
    id: 'CMS165',
    label: {
      en: 'CMS165-like: blood pressure controlled (< 140/90)',
      es: 'Similar a CMS165: presión arterial controlada (< 140/90)',
    },
    simplification: {
      en: 'Simpler than CMS165: any period instead of the calendar year, any encounter with you instead of specific visit types, hypertension diagnosed at any time before the period end (officially before the end of its first six months), and no exclusions (hospice, palliative care, pregnancy, end-stage kidney disease, frailty with advanced illness). Readings taken in acute care are not left out.',
      es: 'Más simple que CMS165: cualquier periodo en lugar del año calendario, cualquier encuentro con usted en lugar de tipos de visita concretos, hipertensión diagnosticada en cualquier momento antes del fin del periodo (oficialmente antes del fin de sus primeros seis meses) y sin exclusiones (hospicio, cuidados paliativos, embarazo, enfermedad renal terminal, fragilidad con enfermedad avanzada). No se excluyen las tomas hechas en atención aguda.',
    },
    lowerIsBetter: false,
    basis: 'patient',
    evaluate(record, context) {
      const { period } = context;
      if (!ageWithin(record.patient, periodLastInstant(period), 18, 85)) return [];
      if (attributedEncounters(record, context).length === 0) return [];
      const index = indexRecord(record);
      if (!diagnosedDuring(index, codes.hypertension, period)) return [];
      const patient = patientRef(record);
      const days = readingsByDay(index.observations.find(bloodPressure), period);
      const lastDay = [...days.keys()]
        .filter((day) => days.get(day)?.systolic.length && days.get(day)?.diastolic.length)
        .sort()
        .at(-1);
      const readings = lastDay === undefined ? undefined : days.get(lastDay);
      if (lastDay === undefined || readings === undefined) {
        return [
          {
            subject: patient,
            patient,
            inNumerator: false,
            reason: 'No blood pressure in the period',
          },
        ];
      }
      const systolic = Math.min(...readings.systolic);
      const diastolic = Math.min(...readings.diastolic);
      const controlled = systolic < SYSTOLIC_BELOW && diastolic < DIASTOLIC_BELOW;
      return [
        {
          subject: patient,
          patient,
          inNumerator: controlled,
          reason: `Latest blood pressure ${String(systolic)}/${String(diastolic)} mm[Hg] on ${lastDay} (lowest of the day) ${controlled ? '<' : 'not <'} ${String(SYSTOLIC_BELOW)}/${String(DIASTOLIC_BELOW)}`,
        },
      ];
    },
  };
}
