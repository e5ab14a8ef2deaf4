import { describe, expect, it } from "vitest";

import { numpyMean, pairwiseSum } from "./pairwise-sum";

/** a[i] = ((i · 7919) mod 1000) / 997 + 0.1, as in the Python snippet that produced the values. */
function sample(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 1000) / 997 + 0.1);
}

// [n, np.sum(a), Python's left-to-right sum(a), np.mean(a)] from numpy 1.24.2.
const NUMPY: [number, number, number, number][] = [
  [5, 3.6995987963891674, 3.6995987963891674, 0.7399197592778335],
  [8, 5.546238716148445, 5.546238716148444, 0.6932798395185557],
  [13, 6.999097291875628, 6.999097291875626, 0.5383920993750483],
  [128, 76.6234704112337, 76.62347041123361, 0.5986208625877633],
  [129, 77.35737211634904, 77.35737211634896, 0.5996695512895275],
  [300, 180.60180541624874, 180.6018054162485, 0.6020060180541624],
  [1199, 719.4175526579739, 719.417552657983, 0.6000146394144904],
  [5000, 3005.0150451354066, 3005.0150451354007, 0.6010030090270814],
];

describe("pairwiseSum", () => {
  it("gives numpy's sums and means exactly, not the left-to-right ones", () => {
    for (const [n, numpySum, leftToRight, numpyAverage] of NUMPY) {
      const values = sample(n);
      expect(pairwiseSum(values)).toBe(numpySum);
      expect(numpyMean(values)).toBe(numpyAverage);
      expect(values.reduce((sum, value) => sum + value, 0)).toBe(leftToRight);
    }
  });

  it("sums a slice", () => {
    expect(pairwiseSum(Float64Array.of(1, 2, 3, 4), 1, 2)).toBe(5);
    expect(pairwiseSum(new Float64Array(0))).toBe(0);
  });
});
