import type { PatientSpec } from '../personas/chart-specs';
import type { SeededRandom } from './seeded-random';

/* Small invented name lists: combinations are synthetic and mean nobody. */
const GIVEN = {
  female: [
    'Ana',
    'Beth',
    'Carmen',
    'Dana',
    'Elena',
    'Fatima',
    'Grace',
    'Hana',
    'Irene',
    'Joy',
    'Keiko',
    'Lucia',
    'Mei',
    'Nadia',
    'Olga',
    'Paula',
    'Rosa',
    'Sara',
    'Tara',
    'Vera',
  ],
  male: [
    'Adam',
    'Bruno',
    'Carlos',
    'David',
    'Emil',
    'Felix',
    'Hugo',
    'Ivan',
    'Jamal',
    'Kenji',
    'Luis',
    'Marco',
    'Nikhil',
    'Omar',
    'Pavel',
    'Raul',
    'Samuel',
    'Tomas',
    'Victor',
    'Wei',
  ],
} as const;
const FAMILY = [
  'Abbott',
  'Baker',
  'Castillo',
  'Dixon',
  'Evans',
  'Flores',
  'Garcia',
  'Hughes',
  'Ito',
  'Jensen',
  'Kim',
  'Lopez',
  'Mensah',
  'Nguyen',
  'Ortiz',
  'Patel',
  'Quinn',
  'Rossi',
  'Silva',
  'Tanaka',
  'Usman',
  'Vargas',
  'Walsh',
  'Yilmaz',
  'Zhang',
];

/** Ages 20–92: wide enough that every measure's age limits (18–75, 18–85) have people past them. */
export const PANEL_AGE = { min: 20, max: 92 } as const;

/** The n-th generated patient (1-based), with a name, sex, age and MRN from `rng`. */
export function panelPerson(
  rng: SeededRandom,
  n: number,
  ages: { min: number; max: number } = PANEL_AGE,
): PatientSpec {
  const gender = rng.chance(0.5) ? 'female' : 'male';
  return {
    given: [rng.pick(GIVEN[gender])],
    family: rng.pick(FAMILY),
    gender,
    age: rng.int(ages.min, ages.max),
    birthdayDaysAgo: rng.int(0, 364),
    mrn: `SB-P${String(n).padStart(6, '0')}`,
  };
}
