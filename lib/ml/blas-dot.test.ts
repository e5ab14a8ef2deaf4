import { describe, expect, it } from "vitest";

import { axpy, axpyThenDot, blasDot, gemvTransposedDot, twoAxpyThenDot } from "./blas-dot";

/** Values whose sums depend on the order of the additions. */
function wiggly(n: number, seed: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + seed) * 10 ** ((i % 7) - 3));
}

/** dot_sse2.S written the long way: 4 registers of 2 lanes, blocks of 16, 8, 4, 2, 1. */
function referenceDot(x: Float64Array, y: Float64Array): number {
  const lanes = [0, 0, 0, 0, 0, 0, 0, 0];
  let i = 0;
  const add = (count: number) => {
    for (let lane = 0; lane < count; lane++) lanes[lane] = (lanes[lane] as number) + (x[i + lane] as number) * (y[i + lane] as number);
    i += count;
  };
  while (x.length - i >= 16) {
    add(8);
    add(8);
  }
  for (const block of [8, 4, 2, 1]) if ((x.length - i) & block) add(block);
  const [a0, a1, b0, b1, c0, c1, d0, d1] = lanes as [number, number, number, number, number, number, number, number];
  // addpd xmm1→xmm0, xmm3→xmm2, xmm2→xmm0, then haddpd.
  return ((a0 + b0) + (c0 + d0)) + ((a1 + b1) + (c1 + d1));
}

describe("blas-dot kernels", () => {
  it("blasDot adds in dot_sse2's order for every length", () => {
    for (let n = 0; n <= 70; n++) {
      const x = wiggly(n, 1);
      const y = wiggly(n, 2);
      expect(blasDot(x, y)).toBe(referenceDot(x, y));
    }
    expect(blasDot(wiggly(1199, 3), wiggly(1199, 4))).toBe(referenceDot(wiggly(1199, 3), wiggly(1199, 4)));
  });

  it("gemvTransposedDot sums even and odd rows apart", () => {
    const x = wiggly(11, 5);
    const y = wiggly(11, 6);
    let even = 0;
    let odd = 0;
    x.forEach((value, i) => {
      if (i % 2 === 0) even += value * (y[i] as number);
      else odd += value * (y[i] as number);
    });
    expect(gemvTransposedDot(x, y)).toBe(even + odd);
  });

  it("fused kernels give exactly axpy then blasDot, residual included", () => {
    for (const n of [1, 7, 8, 15, 16, 17, 1199]) {
      const x = wiggly(n, 7);
      const previous = wiggly(n, 8);
      const start = wiggly(n, 9);

      const expected = start.slice();
      axpy(expected, 0.37, x);
      const residual = start.slice();
      expect(axpyThenDot(residual, 0.37, x, x)).toBe(blasDot(x, expected));
      expect(residual).toEqual(expected);

      const expectedTwo = start.slice();
      axpy(expectedTwo, -1.25, previous);
      axpy(expectedTwo, 0.37, x);
      const residualTwo = start.slice();
      expect(twoAxpyThenDot(residualTwo, -1.25, previous, 0.37, x)).toBe(blasDot(x, expectedTwo));
      expect(residualTwo).toEqual(expectedTwo);
    }
  });
});
