/**
 * Number → text for SVG output. Only `toFixed` is used: ECMAScript defines its result exactly
 * (the decimal closest to the double), so Node, every browser and every worker print the same
 * characters, unlike `toString` of computed values after engine-specific math functions.
 */

/** A coordinate with at most 2 decimals and no trailing zeros: 12.5, 3, -0.25. */
export function formatCoordinate(value: number): string {
  return trimZeros(value.toFixed(2));
}

/** A tick label with exactly `decimals` decimals (0.50, 1.00…), never "-0". */
export function formatTick(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

function trimZeros(text: string): string {
  const trimmed = text.includes(".") ? text.replace(/\.?0+$/, "") : text;
  return trimmed === "-0" ? "0" : trimmed;
}
