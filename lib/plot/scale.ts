/**
 * Axis ranges and "nice" tick positions (steps of 1, 2 or 5 × 10^k). Only +, -, ×, ÷ and
 * comparisons are used (no Math.log10 / Math.pow, whose last bit may differ between engines),
 * so the ticks are the same everywhere.
 */

/** Extra room on each side of the data, as a fraction of its span (matplotlib's default margin). */
const MARGIN = 0.05;
const TARGET_TICK_COUNT = 6;

export interface AxisDomain {
  readonly min: number;
  readonly max: number;
}

export interface Ticks {
  readonly values: number[];
  /** Decimals needed to print every tick exactly. */
  readonly decimals: number;
}

/** The data's extent plus a 5 % margin; a single value gets a unit-wide window around it. */
export function paddedDomain(values: readonly number[]): AxisDomain {
  if (values.length === 0) return { min: 0, max: 1 };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min === max) return { min: min - 0.5, max: max + 0.5 };
  const margin = (max - min) * MARGIN;
  return { min: min - margin, max: max + margin };
}

/** Ticks at multiples of a 1-2-5 step that fall inside the domain. */
export function niceTicks(domain: AxisDomain): Ticks {
  const { base, exponent } = niceStep((domain.max - domain.min) / TARGET_TICK_COUNT);
  const step = scaleByPowerOfTen(base, exponent);
  const values: number[] = [];
  const first = Math.ceil(domain.min / step);
  const last = Math.floor(domain.max / step);
  // k × base × 10^exponent, computed with one rounding so that 0.3 prints as 0.3.
  for (let k = first; k <= last; k++) values.push(scaleByPowerOfTen(k * base, exponent));
  return { values, decimals: Math.max(0, -exponent) };
}

/** Maps a data value to a pixel position: domain.min → start, domain.max → end. */
export function linearScale(domain: AxisDomain, start: number, end: number): (value: number) => number {
  const factor = (end - start) / (domain.max - domain.min);
  return (value) => start + (value - domain.min) * factor;
}

/**
 * The 1-2-5 step nearest to `rawStep` (> 0) on a log scale, as d3's ticks do: 10^k times 1, 2
 * or 5, switching at √2, √10 and √50.
 */
function niceStep(rawStep: number): { base: number; exponent: number } {
  let exponent = 0;
  while (scaleByPowerOfTen(1, exponent) > rawStep) exponent--;
  while (scaleByPowerOfTen(1, exponent + 1) <= rawStep) exponent++;
  const ratio = rawStep / scaleByPowerOfTen(1, exponent);
  if (ratio >= SQRT_50) return { base: 1, exponent: exponent + 1 };
  if (ratio >= SQRT_10) return { base: 5, exponent };
  if (ratio >= SQRT_2) return { base: 2, exponent };
  return { base: 1, exponent };
}

const SQRT_2 = 1.4142135623730951;
const SQRT_10 = 3.1622776601683795;
const SQRT_50 = 7.0710678118654755;

/** value × 10^exponent with a single rounding: 10^|exponent| is an exact double up to 10^22. */
function scaleByPowerOfTen(value: number, exponent: number): number {
  let power = 1;
  for (let i = 0; i < Math.abs(exponent); i++) power *= 10;
  return exponent >= 0 ? value * power : value / power;
}
