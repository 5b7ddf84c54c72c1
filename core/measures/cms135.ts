import type { Measure } from './measure';
import type { MeasureCodes } from './measure-codes';
import { hfrefTherapy } from './hfref-therapy';

/**
 * CMS135-like, Heart Failure: ACE inhibitor, ARB or ARNI therapy for LVEF ≤ 40 %. The official
 * eCQM needs two visits with the clinician, counts outpatient visits and hospital discharges
 * separately, and lets documented medical, patient or system reasons remove a patient.
 */
export function cms135(codes: MeasureCodes): Measure {
  return hfrefTherapy(codes, codes.aceiArbArni, 'ACE inhibitor, ARB or ARNI', {
    id: 'CMS135',
    label: {
      en: 'CMS135-like: ACEi, ARB or ARNI for HF with LVEF ≤ 40 %',
      es: 'Similar a CMS135: IECA, ARA II o ARNI en IC con FEVI ≤ 40 %',
    },
    simplification: {
      en: 'Simpler than CMS135: any period instead of the calendar year, one encounter of any kind with you instead of two qualifying visits, no separate count at hospital discharge, and no exceptions for documented medical, patient or system reasons (allergy, intolerance, pregnancy, kidney failure caused by an ACE inhibitor, refusal). An order authored in the period or still active at its end counts.',
      es: 'Más simple que CMS135: cualquier periodo en lugar del año calendario, un encuentro de cualquier tipo con usted en lugar de dos visitas válidas, sin cómputo aparte al alta hospitalaria y sin excepciones por motivos médicos, del paciente o del sistema documentados (alergia, intolerancia, embarazo, insuficiencia renal causada por un IECA, rechazo). Cuenta una orden emitida en el periodo o aún activa al final.',
    },
  });
}
