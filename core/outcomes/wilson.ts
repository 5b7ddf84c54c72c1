/** z for a two-sided 95 % interval: the 0.975 quantile of the standard normal distribution. */
export const Z_95 = 1.959964;

/** A proportion's confidence interval, both ends in 0–1. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval for `numerator` successes in `denominator` trials (Wilson 1927;
 * Newcombe 1998, method 3). Unlike the Wald interval it stays within 0–1 and does not collapse
 * to a point at 0/n or n/n, which matters for one clinician's small panels. Undefined when the
 * denominator is 0: there is no rate to bound.
 */
export function wilsonInterval(
  numerator: number,
  denominator: number,
  z: number = Z_95,
): Interval | undefined {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator))
    throw new RangeError(`Counts must be whole numbers, not ${numerator}/${denominator}`);
  if (numerator < 0 || numerator > denominator)
    throw new RangeError(`A numerator must be 0–denominator, not ${numerator}/${denominator}`);
  if (denominator === 0) return undefined;
  const p = numerator / denominator;
  const z2 = z * z;
  const scale = 1 + z2 / denominator;
  const centre = (p + z2 / (2 * denominator)) / scale;
  const half =
    (z * Math.sqrt((p * (1 - p)) / denominator + z2 / (4 * denominator * denominator))) / scale;
  // Rounding can put an end a hair outside 0–1 at p = 0 or 1; the interval itself cannot be.
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
