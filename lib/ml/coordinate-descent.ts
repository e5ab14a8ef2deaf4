/**
 * scikit-learn's elastic-net solver, `enet_coordinate_descent` in
 * sklearn/linear_model/_cd_fast.pyx (dense X, cyclic selection, positive=False), operation for
 * operation. It minimises
 *
 *     (1/2) ||y - X w||² + l1Reg ||w||₁ + (l2Reg / 2) ||w||²
 *
 * one coordinate at a time, and stops when a pass changes no coefficient by more than
 * `tol × max|w|` *and* the duality gap is below `tol × ||y||²`, or after `maxIter` passes.
 *
 * Rounding follows sklearn's too: the BLAS calls it makes (ddot, daxpy, dgemv_t) are replaced by
 * loops that add in the order of the reference machine's OpenBLAS kernels (see blas-dot.ts),
 * and numpy's pairwise sums are reproduced (pairwise-sum.ts). On the course data every
 * coefficient, intercept, n_iter_ and dual gap in the fixtures comes out bit-identical; a plain
 * left-to-right port (the fixture script's `naive_elasticnet`) agrees to ~1e-15 only.
 */

import { axpy, axpyThenDot, blasDot, gemvTransposedDot, twoAxpyThenDot } from "./blas-dot";
import { pairwiseSum } from "./pairwise-sum";

export interface ElasticNetProblem {
  /** Feature columns (already centred when fitting an intercept), `rowCount` values each. */
  readonly columns: readonly Float64Array[];
  /** Target (already centred when fitting an intercept). */
  readonly target: Float64Array;
  /** `alpha × l1_ratio × n_samples`. */
  readonly l1Reg: number;
  /** `alpha × (1 - l1_ratio) × n_samples`. */
  readonly l2Reg: number;
  readonly maxIter: number;
  readonly tol: number;
}

export interface CoordinateDescentResult {
  readonly coef: Float64Array;
  /** Duality gap of the last check, on the solver's scale (sklearn divides it by n_samples). */
  readonly gap: number;
  /** `tol × ||y||²`, the threshold the gap was compared with. */
  readonly scaledTol: number;
  /** Number of passes over the coordinates (sklearn's `n_iter_`). */
  readonly iterations: number;
  readonly converged: boolean;
}

export function enetCoordinateDescent(problem: ElasticNetProblem): CoordinateDescentResult {
  const { columns, target: y, l1Reg, l2Reg, maxIter, tol } = problem;
  const featureCount = columns.length;

  // norm_cols_X = np.square(X).sum(axis=0): numpy sums each (Fortran-ordered) column pairwise.
  const squares = new Float64Array(y.length);
  const squaredNorms = columns.map((column) => {
    for (let i = 0; i < column.length; i++) squares[i] = (column[i] as number) * (column[i] as number);
    return pairwiseSum(squares, 0, column.length);
  });
  const w = new Float64Array(featureCount);
  // R = y - X w, with w = 0 (sklearn's gemv then leaves y unchanged).
  const residual = y.slice();
  const scaledTol = tol * blasDot(y, y);

  // sklearn subtracts w_new X[:, j] from R right after updating coordinate j. We postpone that
  // subtraction to the next pass over R (the next coordinate's), saving one pass per coordinate;
  // every element of R still receives the same operations in the same order.
  // (No closure over these two: V8 would move them to the heap and slow the loop down.)
  let pendingColumn: Float64Array = y;
  let pendingDrop = 0;

  let gap = tol + 1;
  let iteration = 0;
  let converged = false;
  for (; iteration < maxIter; iteration++) {
    let wMax = 0;
    let dwMax = 0;
    for (let j = 0; j < featureCount; j++) {
      const squaredNorm = squaredNorms[j] as number;
      if (squaredNorm === 0) continue;
      const x = columns[j] as Float64Array;
      const wOld = w[j] as number;

      // tmp = X[:, j] · R after the previous coordinate's pending R -= w_new X[:, j-1] and
      // R += w_old X[:, j], fusing the last of these passes with the dot product.
      let tmp: number;
      if (pendingDrop !== 0 && wOld !== 0) {
        tmp = twoAxpyThenDot(residual, pendingDrop, pendingColumn, wOld, x);
      } else if (pendingDrop !== 0) {
        tmp = axpyThenDot(residual, pendingDrop, pendingColumn, x);
      } else if (wOld !== 0) {
        tmp = axpyThenDot(residual, wOld, x, x);
      } else {
        tmp = blasDot(x, residual);
      }

      // Soft thresholding; keeps sklearn's signed zero (-0 when tmp < 0).
      const shrunk = Math.abs(tmp) - l1Reg;
      const wNew = (sign(tmp) * (shrunk > 0 ? shrunk : 0)) / (squaredNorm + l2Reg);
      w[j] = wNew;
      pendingColumn = x;
      pendingDrop = -wNew;

      const dw = Math.abs(wNew - wOld);
      if (dw > dwMax) dwMax = dw;
      if (Math.abs(wNew) > wMax) wMax = Math.abs(wNew);
    }

    if (wMax === 0 || dwMax / wMax < tol || iteration === maxIter - 1) {
      if (pendingDrop !== 0) axpy(residual, pendingDrop, pendingColumn);
      pendingDrop = 0;
      gap = dualityGap(columns, y, residual, w, l1Reg, l2Reg);
      if (gap < scaledTol) {
        converged = true;
        break;
      }
    }
  }
  // sklearn returns n_iter + 1 where n_iter is the index of the last pass.
  const iterations = converged ? iteration + 1 : maxIter;
  return { coef: w, gap, scaledTol, iterations, converged };
}

/** The duality gap of the current (w, R), computed exactly as _cd_fast.pyx does. */
function dualityGap(
  columns: readonly Float64Array[],
  y: Float64Array,
  residual: Float64Array,
  w: Float64Array,
  l1Reg: number,
  l2Reg: number,
): number {
  // XtA = X.T R - l2Reg w, and its largest magnitude (sklearn: gemv, then abs_max).
  let dualNorm = 0;
  columns.forEach((column, j) => {
    const xtA = gemvTransposedDot(column, residual) - l2Reg * (w[j] as number);
    if (j === 0 || Math.abs(xtA) > dualNorm) dualNorm = Math.abs(xtA);
  });
  const residualNorm2 = blasDot(residual, residual);
  const wNorm2 = blasDot(w, w);

  let scale: number;
  let gap: number;
  if (dualNorm > l1Reg) {
    scale = l1Reg / dualNorm;
    const aNorm2 = residualNorm2 * (scale * scale);
    gap = 0.5 * (residualNorm2 + aNorm2);
  } else {
    scale = 1;
    gap = residualNorm2;
  }
  // sklearn's dasum; with a handful of coefficients its summation order has not mattered.
  let l1Norm = 0;
  for (let j = 0; j < w.length; j++) l1Norm += Math.abs(w[j] as number);
  gap += l1Reg * l1Norm - scale * blasDot(residual, y) + 0.5 * l2Reg * (1 + scale * scale) * wNorm2;
  return gap;
}

/** _cd_fast.pyx's fsign: 0 for ±0, otherwise ±1. */
function sign(value: number): number {
  if (value === 0) return 0;
  return value > 0 ? 1 : -1;
}
