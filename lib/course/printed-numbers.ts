/**
 * Reads numbers back from console output. A learner may print full precision
 * (`5.5439317272091575`) or rounded values (`5.544`): a printed number matches a reference when
 * it equals the reference rounded to the digits that were printed.
 */

const NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;

export interface PrintedNumber {
  value: number;
  /** Half a unit of the last printed digit: the rounding that printing may have done. */
  tolerance: number;
}

export function printedNumbers(text: string): PrintedNumber[] {
  return [...text.matchAll(NUMBER)].map(([raw]) => {
    const [mantissa = "", exponent] = raw.toLowerCase().split("e");
    const decimals = mantissa.includes(".") ? mantissa.length - mantissa.indexOf(".") - 1 : 0;
    const scale = 10 ** (Number(exponent ?? 0) - decimals);
    return { value: Number(raw), tolerance: Math.max(scale / 2, Number.EPSILON * Math.abs(Number(raw)) * 4) };
  });
}

/** Whether `expected` appears, in order and consecutively, among the printed numbers. */
export function printsSequence(text: string, expected: readonly number[]): boolean {
  const numbers = printedNumbers(text);
  for (let start = 0; start + expected.length <= numbers.length; start++) {
    if (expected.every((value, i) => Math.abs(numbers[start + i]!.value - value) <= numbers[start + i]!.tolerance)) return true;
  }
  return false;
}
