/**
 * The UCUM units clinical results arrive in, reduced to a dimension and a factor. Covers
 * concentrations (mass or amount per volume), counts per volume, percentages and the other
 * plain units of vital signs; anything else is "unknown" and never silently compared.
 */
type Dimension =
  | 'mass/volume'
  | 'amount/volume'
  | 'count/volume'
  | 'ratio'
  | 'pressure'
  | 'rate'
  | 'mass'
  | 'length'
  | 'time'
  | 'temperature-c'
  | 'mass/mass-creatinine';

interface Unit {
  dimension: Dimension;
  /** Multiply a value in this unit by `factor` to get the dimension's base (g/L, mol/L, /L …). */
  factor: number;
}

const PREFIX: Record<string, number> = {
  '': 1,
  k: 1e3,
  d: 1e-1,
  c: 1e-2,
  m: 1e-3,
  u: 1e-6,
  n: 1e-9,
  p: 1e-12,
};
const VOLUME: Record<string, number> = { L: 1, dL: 0.1, mL: 1e-3, uL: 1e-6 };

const PLAIN: Record<string, Unit> = {
  '%': { dimension: 'ratio', factor: 0.01 },
  '1': { dimension: 'ratio', factor: 1 },
  'mm[Hg]': { dimension: 'pressure', factor: 1 },
  '/min': { dimension: 'rate', factor: 1 },
  '{beats}/min': { dimension: 'rate', factor: 1 },
  '{breaths}/min': { dimension: 'rate', factor: 1 },
  kg: { dimension: 'mass', factor: 1000 },
  g: { dimension: 'mass', factor: 1 },
  cm: { dimension: 'length', factor: 0.01 },
  m: { dimension: 'length', factor: 1 },
  h: { dimension: 'time', factor: 3600 },
  min: { dimension: 'time', factor: 60 },
  Cel: { dimension: 'temperature-c', factor: 1 },
  'mg/g': { dimension: 'mass/mass-creatinine', factor: 1e-3 },
  'mg/g{creat}': { dimension: 'mass/mass-creatinine', factor: 1e-3 },
};

/** Parses a UCUM code; `undefined` for units this module does not know. */
export function parseUnit(code: string): Unit | undefined {
  const trimmed = code.trim();
  const plain = PLAIN[trimmed];
  if (plain) return plain;
  // Counts per volume: 10*3/uL, 10*9/L, /uL
  const count = /^(?:10\*(\d+))?\/(u|m|d|)L$/.exec(trimmed);
  if (count) {
    const volume = VOLUME[`${count[2] ?? ''}L`];
    if (volume === undefined) return undefined;
    return { dimension: 'count/volume', factor: 10 ** Number(count[1] ?? 0) / volume };
  }
  const concentration = /^([kdcmunp]?)(g|mol|eq)\/([dmu]?L)$/.exec(trimmed);
  if (!concentration) return undefined;
  const [, prefix = '', base, volumeUnit = ''] = concentration;
  const scale = PREFIX[prefix];
  const volume = VOLUME[volumeUnit];
  if (scale === undefined || volume === undefined || base === 'eq') return undefined;
  return { dimension: base === 'g' ? 'mass/volume' : 'amount/volume', factor: scale / volume };
}

/**
 * Converts `value` from one UCUM unit to another; mass ↔ amount concentrations need the
 * analyte's molar mass (g/mol). Returns undefined when the units cannot be related.
 */
export function convertUnit(
  value: number,
  from: string,
  to: string,
  molarMass?: number,
): number | undefined {
  if (from.trim() === to.trim()) return value;
  const source = parseUnit(from);
  const target = parseUnit(to);
  if (!source || !target) return undefined;
  let base = value * source.factor;
  if (source.dimension !== target.dimension) {
    if (molarMass === undefined) return undefined;
    if (source.dimension === 'mass/volume' && target.dimension === 'amount/volume')
      base /= molarMass;
    else if (source.dimension === 'amount/volume' && target.dimension === 'mass/volume')
      base *= molarMass;
    else return undefined;
  }
  return base / target.factor;
}
