import type { Encounter, Reference } from 'fhir/r4';
import { attributedEncounters, isAcuteEncounter, patientRef, refersTo } from './attribution';
import { conditionStart } from './diagnosis';
import type { Measure, MeasureEpisode } from './measure';
import type { MeasureCodes } from './measure-codes';
import { ageWithin, hours, instant, observationTime } from './measure-values';
import { indexRecord } from './record-index';
import { results } from './results';

/*
 * Windows around time zero. The 6-hour lookback for the initial lactate is the SEP-1 data element
 * "Initial Lactate Level Collection" (collected 6 hours before to 3 hours after severe sepsis
 * presentation), as Epic documents its SEP-1 abstraction (open.epic.com, table
 * SEP1_AUTOPOP_LACTATE); the 3 hours for lactate, cultures and antibiotics are the bundle's
 * (CMS Specifications Manual, SEP-1 numerator statement).
 */
const LACTATE_BEFORE = hours(6);
const BUNDLE_HOURS = 3;
const WITHIN = hours(BUNDLE_HOURS);

/** Linked to the encounter, or, when unlinked, dated within its period. */
function belongsTo(link: Reference | undefined, time: number, encounter: Encounter): boolean {
  if (link?.reference !== undefined) return refersTo(link, `Encounter/${encounter.id ?? ''}`);
  const start = instant(encounter.period?.start) ?? Infinity;
  const end = instant(encounter.period?.end) ?? Infinity;
  return time >= start && time <= end;
}

/** A dated event of the bundle and the encounter it names, if any. */
interface Dated {
  time: number;
  link: Reference | undefined;
}

function dated<T>(
  items: readonly T[],
  time: (t: T) => string | undefined,
  link: (t: T) => Reference | undefined,
  end: number,
): Dated[] {
  return items.flatMap((item) => {
    const at = instant(time(item));
    return at !== undefined && at < end ? [{ time: at, link: link(item) }] : [];
  });
}

/** "2 h 5 min" before or after time zero. */
function relative(time: number, zero: number): string {
  const total = Math.round(Math.abs(time - zero) / 60_000);
  const span = `${String(Math.floor(total / 60))} h ${String(total % 60)} min`;
  return `${span} ${time < zero ? 'before' : 'after'} time zero`;
}

/** What the 3-hour bundle missed for the encounter with this time zero (empty: none). */
function missedElements(
  encounter: Encounter,
  zero: number,
  events: {
    lactates: readonly number[];
    cultures: readonly Dated[];
    antibiotics: readonly Dated[];
  },
): { missed: string[]; firstAntibiotic: number | undefined } {
  const ofEncounter = (list: readonly Dated[]) =>
    list.filter((e) => belongsTo(e.link, e.time, encounter)).map((e) => e.time);
  const given = ofEncounter(events.antibiotics);
  const first = given.length === 0 ? undefined : Math.min(...given);
  const missed: string[] = [];
  if (!events.lactates.some((t) => t >= zero - LACTATE_BEFORE && t <= zero + WITHIN))
    missed.push('no lactate from 6 h before to 3 h after time zero');
  if (first === undefined) missed.push('no antibiotic given');
  else {
    if (first > zero + WITHIN)
      missed.push(`first antibiotic ${relative(first, zero)} (> ${String(BUNDLE_HOURS)} h)`);
    if (!ofEncounter(events.cultures).some((t) => t < first))
      missed.push('no blood culture before the first antibiotic');
  }
  return { missed, firstAntibiotic: first };
}

/**
 * SEP-1-like, Severe Sepsis/Septic Shock: the 3-hour elements. Encounter-based. Denominator: the
 * clinician's emergency or inpatient encounters starting in the period, patient ≥ 18 at the
 * encounter start, with a sepsis Condition linked to the encounter (Condition.encounter); time
 * zero is that Condition's onset, else its recorded date (the earliest if several). Numerator:
 * a lactate result between 6 h before and 3 h after time zero, a blood culture collected before
 * the first antibiotic, and the first antibiotic of the encounter given no later than 3 h after
 * time zero.
 */
export function sep1(codes: MeasureCodes): Measure {
  return {
    id: 'SEP-1',
    label: {
      en: 'SEP-1-like: sepsis 3-hour elements (lactate, cultures, antibiotics)',
      es: 'Similar a SEP-1: elementos de 3 horas en sepsis (lactato, hemocultivos, antibióticos)',
    },
    simplification: {
      en: 'Much simpler than SEP-1, which is abstracted from the chart by trained staff: our time zero is the coded sepsis diagnosis (not the clinical criteria or documentation the abstractors use), and we check only the initial lactate, blood cultures before antibiotics and antibiotics within 3 hours. Not checked: repeat lactate, 30 mL/kg fluids, vasopressors, reassessment, the approved antibiotic list (ours is a short list of IV antibiotics), and the exclusions (transfers, comfort care, clinical trials, refusals, antibiotics given long before).',
      es: 'Mucho más simple que SEP-1, que extrae de la historia personal entrenado: nuestro tiempo cero es el diagnóstico codificado de sepsis (no los criterios clínicos ni la documentación que usan los revisores) y solo comprobamos el lactato inicial, los hemocultivos antes de los antibióticos y los antibióticos en 3 horas. No se comprueban: lactato repetido, líquidos 30 mL/kg, vasopresores, reevaluación, la lista aprobada de antibióticos (la nuestra es una lista corta de antibióticos IV) ni las exclusiones (traslados, cuidados de confort, ensayos clínicos, rechazos, antibióticos dados mucho antes).',
    },
    lowerIsBetter: false,
    basis: 'encounter',
    evaluate(record, context): MeasureEpisode[] {
      const index = indexRecord(record);
      const end = context.period.end.getTime();
      const sepsis = index.conditions.find(codes.sepsis);
      if (sepsis.length === 0) return [];
      const events = {
        lactates: results(index.observations.find(codes.lactate))
          .map((r) => r.time)
          .filter((t) => t < end),
        // A culture counts once collected: it may have no result yet (status registered).
        cultures: dated(
          index.observations.find(codes.bloodCulture),
          observationTime,
          (o) => o.encounter,
          end,
        ),
        antibiotics: dated(
          index.medicationAdministrations.find(codes.sepsisAntibiotic),
          (m) => m.effectiveDateTime ?? m.effectivePeriod?.start,
          (m) => m.context,
          end,
        ),
      };
      const patient = patientRef(record);
      return attributedEncounters(record, context).flatMap((encounter) => {
        const started = instant(encounter.period?.start);
        if (!isAcuteEncounter(encounter) || !encounter.id || started === undefined) return [];
        if (!ageWithin(record.patient, new Date(started), 18)) return [];
        const subject = `Encounter/${encounter.id}`;
        const zeros = sepsis
          .filter((c) => refersTo(c.encounter, subject))
          .map(conditionStart)
          .filter((t): t is number => t !== undefined && t < end);
        if (zeros.length === 0) return [];
        const zero = Math.min(...zeros);
        const { missed, firstAntibiotic } = missedElements(encounter, zero, events);
        return [
          {
            subject,
            patient,
            inNumerator: missed.length === 0,
            reason:
              missed.length === 0
                ? `Lactate, blood culture before antibiotics, first antibiotic ${relative(firstAntibiotic ?? zero, zero)}`
                : `Missed: ${missed.join('; ')}`,
          },
        ];
      });
    },
  };
}
