/**
 * Dot products and residual updates the way scikit-learn's BLAS computes them, and fast.
 *
 * A plain left-to-right sum is not what scikit-learn does: OpenBLAS's SSE2 `ddot` kernel
 * (kernel/x86_64/dot_sse2.S, picked by the reference machine's OpenBLAS 0.3.21) keeps 8
 * partial sums. We follow its exact assignment of elements to partial sums and its final
 * reduction, which reproduces its rounding (given, as numpy's allocator gives, a second operand
 * aligned on 16 bytes) and, as a bonus, breaks the dependency chain of a single running sum:
 *
 * - element i goes to partial sum i mod 8 for the first 8·⌊n/8⌋ elements;
 * - the remaining r < 8 elements go, by blocks of 4, 2 and 1, to sums 0-3, 0-1 and 0;
 * - result = ((s0 + s2) + (s4 + s6)) + ((s1 + s3) + (s5 + s7)).
 *
 * Performance note: each kernel keeps only its 8-wide main loop and hands the tail and the
 * reduction to `finishDot`; with the tail inlined, V8 compiles the loop about twice as slowly.
 */

/** x · y (over x.length elements) in OpenBLAS's summation order. */
export function blasDot(x: Float64Array, y: Float64Array): number {
  const fullBlocksEnd = x.length - (x.length % 8);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  for (let i = 0; i < fullBlocksEnd; i += 8) {
    s0 += (x[i] as number) * (y[i] as number);
    s1 += (x[i + 1] as number) * (y[i + 1] as number);
    s2 += (x[i + 2] as number) * (y[i + 2] as number);
    s3 += (x[i + 3] as number) * (y[i + 3] as number);
    s4 += (x[i + 4] as number) * (y[i + 4] as number);
    s5 += (x[i + 5] as number) * (y[i + 5] as number);
    s6 += (x[i + 6] as number) * (y[i + 6] as number);
    s7 += (x[i + 7] as number) * (y[i + 7] as number);
  }
  return finishDot(x, y, fullBlocksEnd, s0, s1, s2, s3, s4, s5, s6, s7);
}

/**
 * `R += factor · v`, then `x · R` in blasDot's order, in a single pass over the data. Each
 * element receives exactly the operations of sklearn's separate axpy and dot calls (axpy: one
 * multiplication, one addition, no FMA), so fusing them changes no bit of the result.
 */
export function axpyThenDot(residual: Float64Array, factor: number, v: Float64Array, x: Float64Array): number {
  const fullBlocksEnd = x.length - (x.length % 8);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  let r: number;
  for (let i = 0; i < fullBlocksEnd; i += 8) {
    r = (residual[i] as number) + factor * (v[i] as number);
    residual[i] = r;
    s0 += (x[i] as number) * r;
    r = (residual[i + 1] as number) + factor * (v[i + 1] as number);
    residual[i + 1] = r;
    s1 += (x[i + 1] as number) * r;
    r = (residual[i + 2] as number) + factor * (v[i + 2] as number);
    residual[i + 2] = r;
    s2 += (x[i + 2] as number) * r;
    r = (residual[i + 3] as number) + factor * (v[i + 3] as number);
    residual[i + 3] = r;
    s3 += (x[i + 3] as number) * r;
    r = (residual[i + 4] as number) + factor * (v[i + 4] as number);
    residual[i + 4] = r;
    s4 += (x[i + 4] as number) * r;
    r = (residual[i + 5] as number) + factor * (v[i + 5] as number);
    residual[i + 5] = r;
    s5 += (x[i + 5] as number) * r;
    r = (residual[i + 6] as number) + factor * (v[i + 6] as number);
    residual[i + 6] = r;
    s6 += (x[i + 6] as number) * r;
    r = (residual[i + 7] as number) + factor * (v[i + 7] as number);
    residual[i + 7] = r;
    s7 += (x[i + 7] as number) * r;
  }
  // Update the tail of R, then let finishDot add its products exactly as blasDot would.
  for (let i = fullBlocksEnd; i < x.length; i++) residual[i] = (residual[i] as number) + factor * (v[i] as number);
  return finishDot(x, residual, fullBlocksEnd, s0, s1, s2, s3, s4, s5, s6, s7);
}

/**
 * `R += dropFactor · dropped`, `R += addFactor · added`, then `added · R`, in one pass: the
 * previous coordinate's pending update and the current coordinate's own, element by element in
 * sklearn's order (its two axpy calls, then its dot).
 */
export function twoAxpyThenDot(
  residual: Float64Array,
  dropFactor: number,
  dropped: Float64Array,
  addFactor: number,
  added: Float64Array,
): number {
  const fullBlocksEnd = added.length - (added.length % 8);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  let r: number;
  for (let i = 0; i < fullBlocksEnd; i += 8) {
    r = (residual[i] as number) + dropFactor * (dropped[i] as number) + addFactor * (added[i] as number);
    residual[i] = r;
    s0 += (added[i] as number) * r;
    r = (residual[i + 1] as number) + dropFactor * (dropped[i + 1] as number) + addFactor * (added[i + 1] as number);
    residual[i + 1] = r;
    s1 += (added[i + 1] as number) * r;
    r = (residual[i + 2] as number) + dropFactor * (dropped[i + 2] as number) + addFactor * (added[i + 2] as number);
    residual[i + 2] = r;
    s2 += (added[i + 2] as number) * r;
    r = (residual[i + 3] as number) + dropFactor * (dropped[i + 3] as number) + addFactor * (added[i + 3] as number);
    residual[i + 3] = r;
    s3 += (added[i + 3] as number) * r;
    r = (residual[i + 4] as number) + dropFactor * (dropped[i + 4] as number) + addFactor * (added[i + 4] as number);
    residual[i + 4] = r;
    s4 += (added[i + 4] as number) * r;
    r = (residual[i + 5] as number) + dropFactor * (dropped[i + 5] as number) + addFactor * (added[i + 5] as number);
    residual[i + 5] = r;
    s5 += (added[i + 5] as number) * r;
    r = (residual[i + 6] as number) + dropFactor * (dropped[i + 6] as number) + addFactor * (added[i + 6] as number);
    residual[i + 6] = r;
    s6 += (added[i + 6] as number) * r;
    r = (residual[i + 7] as number) + dropFactor * (dropped[i + 7] as number) + addFactor * (added[i + 7] as number);
    residual[i + 7] = r;
    s7 += (added[i + 7] as number) * r;
  }
  for (let i = fullBlocksEnd; i < added.length; i++) {
    residual[i] = (residual[i] as number) + dropFactor * (dropped[i] as number) + addFactor * (added[i] as number);
  }
  return finishDot(added, residual, fullBlocksEnd, s0, s1, s2, s3, s4, s5, s6, s7);
}

/** `R += factor · v` (BLAS axpy: one multiplication and one addition per element, no FMA). */
export function axpy(residual: Float64Array, factor: number, v: Float64Array): void {
  for (let i = 0; i < residual.length; i++) residual[i] = (residual[i] as number) + factor * (v[i] as number);
}

/**
 * One entry of Xᵀ·v as OpenBLAS's SSE2 `dgemv_t` kernel (kernel/x86_64/dgemv_t.S) computes it:
 * each column is accumulated in one SSE register, i.e. two partial sums over the even and the
 * odd rows, added at the end. sklearn uses it for the duality gap's `XtA = X.T R - beta w`.
 */
export function gemvTransposedDot(column: Float64Array, v: Float64Array): number {
  let even = 0;
  let odd = 0;
  const pairsEnd = column.length - (column.length % 2);
  for (let i = 0; i < pairsEnd; i += 2) {
    even += (column[i] as number) * (v[i] as number);
    odd += (column[i + 1] as number) * (v[i + 1] as number);
  }
  if (pairsEnd < column.length) even += (column[pairsEnd] as number) * (v[pairsEnd] as number);
  return even + odd;
}

/**
 * Adds the last (length mod 8) products by blocks of 4, 2 and 1 into sums 0-3, 0-1 and 0,
 * then reduces the 8 sums as the SSE2 kernel does.
 */
function finishDot(
  x: Float64Array,
  y: Float64Array,
  start: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  s4: number,
  s5: number,
  s6: number,
  s7: number,
): number {
  let i = start;
  const rest = x.length - start;
  if (rest & 4) {
    s0 += (x[i] as number) * (y[i] as number);
    s1 += (x[i + 1] as number) * (y[i + 1] as number);
    s2 += (x[i + 2] as number) * (y[i + 2] as number);
    s3 += (x[i + 3] as number) * (y[i + 3] as number);
    i += 4;
  }
  if (rest & 2) {
    s0 += (x[i] as number) * (y[i] as number);
    s1 += (x[i + 1] as number) * (y[i + 1] as number);
    i += 2;
  }
  if (rest & 1) s0 += (x[i] as number) * (y[i] as number);
  return ((s0 + s2) + (s4 + s6)) + ((s1 + s3) + (s5 + s7));
}
