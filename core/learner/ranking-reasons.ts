import type { LocalizedText } from '../micro-case/localized-text';
import type { TopicId } from '../topics';
import type { LearnerSpecialty } from './learner-profile';

/** Why a suggestion moved, as a stable code (for clients and tests) and in plain words. */
export type RankingReasonCode =
  | 'specialty-fit'
  | 'profession-outside'
  | 'stated-gap'
  | 'points-due'
  | 'points-mastered'
  | 'difficulty-below-mastery'
  | 'difficulty-above-mastery'
  | 'difficulty-step-up'
  | 'completed-recently'
  | 'dismissed-recently';

export interface RankingReason {
  code: RankingReasonCode;
  effect: 'raised' | 'lowered';
  text: LocalizedText;
}

/** Topic names as they read inside a sentence. */
const TOPIC_NAMES: Record<TopicId, LocalizedText> = {
  sepsis: { en: 'sepsis', es: 'sepsis' },
  cap: { en: 'community-acquired pneumonia', es: 'neumonía adquirida en la comunidad' },
  t2dm: { en: 'type 2 diabetes', es: 'diabetes tipo 2' },
  htn: { en: 'hypertension', es: 'hipertensión arterial' },
  afib: { en: 'atrial fibrillation', es: 'fibrilación auricular' },
  hfref: {
    en: 'heart failure with reduced ejection fraction',
    es: 'insuficiencia cardiaca con fracción de eyección reducida',
  },
  aki: { en: 'acute kidney injury', es: 'lesión renal aguda' },
  opioids: { en: 'opioid prescribing', es: 'prescripción de opioides' },
  asthma: { en: 'asthma', es: 'asma' },
  copd: { en: 'COPD', es: 'EPOC' },
  asb: { en: 'asymptomatic bacteriuria', es: 'bacteriuria asintomática' },
  vte: { en: 'venous thromboembolism', es: 'enfermedad tromboembólica venosa' },
};

const SPECIALTY_NAMES: Record<LearnerSpecialty, LocalizedText> = {
  'internal-medicine': { en: 'internal medicine', es: 'medicina interna' },
  'family-medicine': { en: 'family medicine', es: 'medicina familiar' },
  'emergency-medicine': { en: 'emergency medicine', es: 'medicina de urgencias' },
  'hospital-medicine': { en: 'hospital medicine', es: 'medicina hospitalaria' },
  cardiology: { en: 'cardiology', es: 'cardiología' },
  pulmonology: { en: 'pulmonology', es: 'neumología' },
  nephrology: { en: 'nephrology', es: 'nefrología' },
  'infectious-disease': { en: 'infectious diseases', es: 'enfermedades infecciosas' },
  'critical-care': { en: 'critical care', es: 'medicina intensiva' },
  endocrinology: { en: 'endocrinology', es: 'endocrinología' },
  other: { en: 'your specialty', es: 'su especialidad' },
};

const DAY_MS = 86_400_000;

/** "3 weeks ago" / "hace 3 semanas"; "recently" when the date is unknown. */
export function timeAgo(at: string | undefined, now: Date): LocalizedText {
  const then = at === undefined ? NaN : Date.parse(at);
  if (Number.isNaN(then)) return { en: 'recently', es: 'recientemente' };
  const days = Math.max(0, Math.floor((now.getTime() - then) / DAY_MS));
  if (days === 0) return { en: 'today', es: 'hoy' };
  if (days === 1) return { en: 'yesterday', es: 'ayer' };
  if (days < 14) return { en: `${days} days ago`, es: `hace ${days} días` };
  if (days < 60) {
    const weeks = Math.round(days / 7);
    return { en: `${weeks} weeks ago`, es: `hace ${weeks} semanas` };
  }
  const months = Math.round(days / 30);
  return { en: `${months} months ago`, es: `hace ${months} meses` };
}

type Words = Omit<RankingReason, 'code'>;
const raised = (en: string, es: string): Words => ({ effect: 'raised', text: { en, es } });
const lowered = (en: string, es: string): Words => ({ effect: 'lowered', text: { en, es } });

/** The plain-language sentence for each reason, in every content language. */
export const reasonWords = {
  specialtyFit: (specialty: LearnerSpecialty): Words => {
    const name = SPECIALTY_NAMES[specialty];
    return raised(
      `Written for your specialty: ${name.en}`,
      `Escrito para su especialidad: ${name.es}`,
    );
  },
  professionOutside: (): Words =>
    lowered('Written mainly for other professions', 'Escrito sobre todo para otras profesiones'),
  statedGap: (topic: TopicId): Words => {
    const name = TOPIC_NAMES[topic];
    return raised(
      `Matches your stated gap: ${name.en}`,
      `Coincide con un tema que usted quiere reforzar: ${name.es}`,
    );
  },
  pointsDue: (due: number, total: number): Words =>
    raised(
      `Due for review: ${due} of ${total} points of this case`,
      `Pendiente de repaso: ${due} de ${total} puntos de este caso`,
    ),
  pointsMastered: (correct: number, total: number, ago: LocalizedText): Words =>
    lowered(
      `You answered ${correct} of ${total} points of this case correctly ${ago.en}`,
      `Respondió bien ${correct} de ${total} puntos de este caso ${ago.es}`,
    ),
  difficultyBelowMastery: (topic: TopicId): Words =>
    lowered(
      `Foundational, and you have shown mastery of ${TOPIC_NAMES[topic].en}`,
      `Caso básico, y ya ha demostrado dominio de ${TOPIC_NAMES[topic].es}`,
    ),
  difficultyAboveMastery: (topic: TopicId): Words =>
    lowered(
      `Advanced, and your recent answers on ${TOPIC_NAMES[topic].en} suggest the basics first`,
      `Caso avanzado, y sus respuestas recientes sobre ${TOPIC_NAMES[topic].es} aconsejan empezar por lo básico`,
    ),
  difficultyStepUp: (topic: TopicId): Words =>
    raised(
      `Advanced: a step up from the mastery you have shown in ${TOPIC_NAMES[topic].en}`,
      `Caso avanzado: un paso más allá del dominio que ha demostrado en ${TOPIC_NAMES[topic].es}`,
    ),
  completedRecently: (ago: LocalizedText): Words =>
    lowered(`You completed this case ${ago.en}`, `Completó este caso ${ago.es}`),
  dismissedRecently: (ago: LocalizedText): Words =>
    lowered(`You dismissed this case ${ago.en}`, `Descartó este caso ${ago.es}`),
};
